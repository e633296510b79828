package org.csp.eventsourcing.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    /** What Quarkus's Kafka client collects from {@code kafka.*} and {@code KAFKA_*} on a pod of the manifests. */
    private static final Map<String, Object> POD_SETTINGS = Map.of(
            "bootstrap.servers", "csp-kafka-kafka-bootstrap:9093",
            "security.protocol", "SSL",
            "ssl.keystore.type", "PKCS12",
            "ssl.keystore.location", "/etc/csp/kafka-user/user.p12",
            "ssl.keystore.password", "from-the-user-secret",
            "ssl.truststore.location", "/etc/csp/kafka-ca/ca.p12",
            "sasl.mechanism", "SCRAM-SHA-512",
            "auto.offset.reset", "latest",
            "acks", "0");

    @Test
    void everyClientGetsTheConnectionsSecurityAndNothingElseOfTheSettings() {
        KafkaConnection kafka = KafkaConnection.of("csp-kafka-kafka-bootstrap:9093", POD_SETTINGS);

        Map<String, Object> producer = kafka.config(Map.of("acks", "all", "client.id", "plan-service-relay"));

        assertEquals("SSL", producer.get("security.protocol"));
        assertEquals("/etc/csp/kafka-user/user.p12", producer.get("ssl.keystore.location"));
        assertEquals("from-the-user-secret", producer.get("ssl.keystore.password"));
        assertEquals("SCRAM-SHA-512", producer.get("sasl.mechanism"));
        assertEquals("csp-kafka-kafka-bootstrap:9093", producer.get("bootstrap.servers"));
        // a client's own settings are its own: the relay's acks=all is never weakened by a stray kafka.acks
        assertEquals("all", producer.get("acks"));
        assertFalse(producer.containsKey("auto.offset.reset"));
        assertEquals(9, producer.size());
    }

    @Test
    void aPlainBrokerNeedsOnlyItsServers() {
        assertEquals(
                Map.of("bootstrap.servers", "127.0.0.1:9092", "client.id", "c"),
                KafkaConnection.plain("127.0.0.1:9092").config(Map.of("client.id", "c")));
    }

    @Test
    void itsTextNamesTheSettingsButNeverTheirValues() {
        String text = KafkaConnection.of("broker:9093", POD_SETTINGS).toString();

        assertFalse(text.contains("from-the-user-secret"), text);
        assertEquals(
                "broker:9093 [sasl.mechanism, security.protocol, ssl.keystore.location, ssl.keystore.password,"
                        + " ssl.keystore.type, ssl.truststore.location]",
                text);
    }
}
