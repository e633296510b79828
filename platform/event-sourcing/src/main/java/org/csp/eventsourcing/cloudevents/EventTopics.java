package org.csp.eventsourcing.cloudevents;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.csp.contracts.EventLimits;

/**
 * Creates the event topics when they are missing: kept forever, since the gateway rebuilds from the beginning, and
 * taking records up to the platform's record limit ({@link EventLimits#MAX_RECORD_BYTES}). A topic that exists is left
 * as it is: its settings are the operator's.
 */
public final class EventTopics {

    private EventTopics() {}

    public static void ensure(KafkaConnection kafka, Collection<String> topics, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        try (Admin admin = Admin.create(kafka.config(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)))) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor)
                            .configs(Map.of(
                                    "retention.ms",
                                    "-1",
                                    "cleanup.policy",
                                    "delete",
                                    "max.message.bytes",
                                    Integer.toString(EventLimits.MAX_RECORD_BYTES))))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** The end offset of every partition of {@code topics}, each of the two requests waited for up to {@code seconds}. */
    public static Map<TopicPartition, Long> ends(Admin admin, Collection<String> topics, int seconds)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get(seconds, TimeUnit.SECONDS)
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request)
                .all()
                .get(seconds, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}
