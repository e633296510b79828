package org.csp.eventsourcing.cloudevents;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How every Kafka client of a service reaches the brokers: the bootstrap servers and the connection's security (TLS
 * with a client certificate, as Strimzi's listener asks, or SASL), the same for the relay's producer, the projections'
 * consumers and the topic checks. The security settings are a service's {@code kafka.security.protocol},
 * {@code kafka.ssl.*} and {@code kafka.sasl.*} (or {@code KAFKA_SSL_KEYSTORE_LOCATION} … in the environment), as
 * Quarkus's Kafka client collects them; none of them locally, where the broker is plain.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {

    public KafkaConnection {
        security = Map.copyOf(security);
    }

    /** A broker without TLS or authentication (this machine's). */
    public static KafkaConnection plain(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /**
     * The connection to {@code bootstrapServers} with the security settings among {@code kafkaSettings} (Kafka
     * property names, {@code ssl.keystore.location} …); any other setting there is a client's own and is left out.
     */
    public static KafkaConnection of(String bootstrapServers, Map<String, ?> kafkaSettings) {
        Map<String, String> security = new TreeMap<>();
        kafkaSettings.forEach((name, value) -> {
            if (value != null && isSecurity(name)) {
                security.put(name, value.toString());
            }
        });
        return new KafkaConnection(bootstrapServers, security);
    }

    private static boolean isSecurity(String name) {
        return name.equals("security.protocol") || name.startsWith("ssl.") || name.startsWith("sasl.");
    }

    /** A client's configuration: the connection's settings, then the client's own. */
    public Map<String, Object> config(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(client);
        return config;
    }

    /** The servers and the names of the security settings, never their values (passwords among them). */
    @Override
    public String toString() {
        return bootstrapServers + (security.isEmpty() ? "" : " " + new TreeMap<>(security).keySet());
    }
}
