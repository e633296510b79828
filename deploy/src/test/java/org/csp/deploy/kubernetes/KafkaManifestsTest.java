package org.csp.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.csp.contracts.EngagementEventTypes;
import org.csp.contracts.EventLimits;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.contracts.PlanEventTypes;
import org.junit.jupiter.api.Test;

/**
 * Kafka through Strimzi ({@code deploy/kubernetes/base/kafka/}): every resource valid strictly against Strimzi's
 * schemas; the three event topics kept forever, with three copies of which two take a write, and the platform's one
 * event-size limit; each application's user may write exactly its own topic and read exactly what its projections read.
 */
class KafkaManifestsTest {

    static final Path KAFKA = ProductionRealmTest.REPO.resolve("deploy/kubernetes/base/kafka");

    /** What each application's projections read (QuarterlyViewProjection, EngagementDerivation, OrganisationRegistry). */
    static final Map<String, Set<String>> READS = Map.of(
            "plan-service", Set.of(),
            "measures-service", Set.of(EngagementEventTypes.TOPIC),
            "engagement-service", Set.of(PlanEventTypes.TOPIC),
            "gateway", Set.of(PlanEventTypes.TOPIC, MeasuresEventTypes.TOPIC, EngagementEventTypes.TOPIC));

    static List<JsonNode> resources() throws IOException {
        List<JsonNode> resources = new ArrayList<>();
        try (var files = Files.list(KAFKA)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(CrdSchemas.documents(file));
            }
        }
        return resources;
    }

    static List<JsonNode> ofKind(List<JsonNode> resources, String kind) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind))
                .toList();
    }

    @Test
    void everyResourceIsValidStrictlyAgainstStrimzisSchemas() throws IOException {
        CrdSchemas crds = ProductionRealmTest.crds();
        List<JsonNode> resources = resources();
        assertEquals(
                Map.of("Kafka", 1, "KafkaNodePool", 2, "KafkaTopic", 3, "KafkaUser", 4),
                count(resources),
                "a cluster, its controllers and brokers, three topics, four users");
        for (JsonNode resource : resources) {
            assertEquals(
                    List.of(),
                    crds.problems(resource),
                    resource.path("metadata").path("name").asText());
            assertEquals(
                    "csp-kafka",
                    resource.path("kind").asText().equals("Kafka")
                            ? resource.path("metadata").path("name").asText()
                            : resource.path("metadata")
                                    .path("labels")
                                    .path("strimzi.io/cluster")
                                    .asText(),
                    "every resource belongs to the one cluster");
        }
    }

    @Test
    void aThreeNodeKraftClusterWhereTwoCopiesTakeAWriteOverTlsOnly() throws IOException {
        List<JsonNode> resources = resources();
        int controllers = 0, brokers = 0;
        for (JsonNode pool : ofKind(resources, "KafkaNodePool")) {
            for (JsonNode role : pool.path("spec").path("roles")) {
                if (role.asText().equals("controller")) {
                    controllers += pool.path("spec").path("replicas").asInt();
                } else {
                    brokers += pool.path("spec").path("replicas").asInt();
                }
            }
            assertEquals(
                    "persistent-claim",
                    pool.path("spec").path("storage").path("type").asText());
        }
        assertEquals(3, controllers);
        assertEquals(3, brokers);
        JsonNode kafka = ofKind(resources, "Kafka").getFirst().path("spec").path("kafka");
        assertEquals(2, kafka.path("config").path("min.insync.replicas").asInt());
        assertEquals(
                EventLimits.MAX_RECORD_BYTES,
                kafka.path("config").path("message.max.bytes").asInt());
        for (JsonNode listener : kafka.path("listeners")) {
            assertTrue(listener.path("tls").asBoolean(), listener.toString());
            assertEquals("tls", listener.path("authentication").path("type").asText());
        }
        assertEquals("simple", kafka.path("authorization").path("type").asText());
    }

    @Test
    void theEventTopicsAreKeptForeverWithTheOneEventSizeLimit() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (JsonNode topic : ofKind(resources(), "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            topics.add(spec.path("topicName").asText());
            assertEquals(-1, spec.path("config").path("retention.ms").asLong());
            assertEquals(3, spec.path("replicas").asInt());
            assertEquals(2, spec.path("config").path("min.insync.replicas").asInt());
            assertEquals(
                    EventLimits.MAX_RECORD_BYTES,
                    spec.path("config").path("max.message.bytes").asInt());
        }
        assertEquals(Set.of(PlanEventTypes.TOPIC, MeasuresEventTypes.TOPIC, EngagementEventTypes.TOPIC), topics);
    }

    /** The topic a service's relay writes is its {@code csp.relay.topic}; its user may write that one and no other. */
    @Test
    void eachApplicationMayWriteExactlyItsTopicAndReadWhatItsProjectionsRead() throws IOException {
        Map<String, Set<String>> writes = new TreeMap<>();
        Map<String, Set<String>> reads = new TreeMap<>();
        for (JsonNode user : ofKind(resources(), "KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            writes.put(name, new TreeSet<>());
            reads.put(name, new TreeSet<>());
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                assertEquals("topic", acl.path("resource").path("type").asText(), name + ": topics only");
                assertEquals("literal", acl.path("resource").path("patternType").asText(), name);
                Set<String> operations = new TreeSet<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                String topic = acl.path("resource").path("name").asText();
                if (operations.equals(Set.of("Write", "Describe"))) {
                    writes.get(name).add(topic);
                } else {
                    assertEquals(Set.of("Read", "Describe"), operations, name + " on " + topic);
                    reads.get(name).add(topic);
                }
            }
        }
        assertEquals(
                Map.of(
                        "plan-service", Set.of(relayTopic("plan-service")),
                        "measures-service", Set.of(relayTopic("measures-service")),
                        "engagement-service", Set.of(relayTopic("engagement-service")),
                        "gateway", Set.of()),
                writes);
        assertEquals(new TreeMap<>(READS), reads);
    }

    private static String relayTopic(String service) {
        return Rendered.property(service, "csp.relay.topic");
    }

    private static Map<String, Integer> count(List<JsonNode> resources) {
        Map<String, Integer> counts = new TreeMap<>();
        resources.forEach(r -> counts.merge(r.path("kind").asText(), 1, Integer::sum));
        return counts;
    }
}
