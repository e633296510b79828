package org.csp.eventsourcing.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec.StreamPosition;
import org.csp.eventsourcing.projection.BatchPlan.Gap;
import org.csp.eventsourcing.projection.BatchPlan.Incoming;
import org.csp.eventsourcing.projection.BatchPlan.Parking;
import org.csp.eventsourcing.projection.BatchPlan.StreamKey;
import org.junit.jupiter.api.Test;

/** The batch plan with plain lists: records as read, stored versions and known gaps in; what to do out. */
class BatchPlanTest {

    private static final String POSTED = "test.ledger.posted.v1";
    private static final String NOTED = "test.ledger.noted.v1";
    private static final TopicPartition P0 = new TopicPartition("ledger", 0);
    private static final TopicPartition P1 = new TopicPartition("ledger", 1);

    private final List<Incoming> records = new ArrayList<>();

    private static StreamKey stream(String subject) {
        return new StreamKey("ledger-service", subject);
    }

    /** An event of {@code type}, version {@code version} of {@code subject}, read at this partition and offset. */
    private BatchPlanTest read(TopicPartition partition, long offset, String subject, long version, String type) {
        CloudEvent event = new CloudEvent(
                subject + "@" + version,
                "ledger-service",
                type,
                subject,
                version,
                "stroud",
                Instant.EPOCH,
                JsonNodeFactory.instance.objectNode());
        records.add(new Incoming(
                partition, offset, new StreamPosition("ledger-service", subject, version), event, null, type, subject));
        return this;
    }

    private BatchPlan plan(Map<StreamKey, Long> stored, Map<StreamKey, Gap> gaps, Map<String, String> unprocessable) {
        return BatchPlan.of(records, stored, gaps, unprocessable, Set.of(POSTED), Set.of(NOTED));
    }

    private static List<String> ids(BatchPlan plan) {
        return plan.toApply().stream().map(CloudEvent::id).toList();
    }

    @Test
    void theNextVersionsAreAppliedInOrderAndWhatWasAppliedBeforeIsSkipped() {
        read(P0, 10, "a", 3, POSTED)
                .read(P0, 11, "a", 4, POSTED)
                .read(P1, 5, "b", 1, POSTED)
                .read(P0, 12, "a", 4, POSTED) // published twice by a relay
                .read(P1, 6, "c", 2, POSTED); // read again after a restart
        BatchPlan plan = plan(Map.of(stream("a"), 2L, stream("c"), 2L), Map.of(), Map.of());

        assertEquals(List.of("a@3", "a@4", "b@1"), ids(plan));
        assertEquals(Map.of(stream("a"), 4L, stream("b"), 1L), plan.versions());
        assertEquals(Map.of(P0, 13L, P1, 7L), plan.consumed());
        assertEquals(Map.of(P0, 13L, P1, 7L), plan.offsets());
        assertTrue(plan.parked().isEmpty()
                && plan.newGaps().isEmpty()
                && plan.resolved().isEmpty());
    }

    @Test
    void anIgnoredTypeMovesItsStreamOnWithoutBeingApplied() {
        read(P0, 0, "a", 1, NOTED).read(P0, 1, "a", 2, POSTED);
        BatchPlan plan = plan(Map.of(), Map.of(), Map.of());

        assertEquals(List.of("a@2"), ids(plan));
        assertEquals(Map.of(stream("a"), 2L), plan.versions());
        assertTrue(plan.parked().isEmpty());
    }

    @Test
    void aVersionBeyondTheNextOpensAGapThatHoldsItsPartitionsOffset() {
        read(P0, 20, "a", 1, POSTED)
                .read(P0, 21, "a", 3, POSTED)
                .read(P0, 22, "a", 4, POSTED)
                .read(P0, 23, "b", 1, POSTED)
                .read(P1, 8, "c", 1, POSTED);
        BatchPlan plan = plan(Map.of(), Map.of(), Map.of());

        assertEquals(List.of("a@1", "b@1", "c@1"), ids(plan), "the other streams go on");
        assertEquals(Map.of(stream("a"), new Gap(2, 3, P0, 21)), plan.newGaps(), "one gap, at the first event past it");
        assertEquals(Map.of(P0, 24L, P1, 9L), plan.consumed());
        assertEquals(
                Map.of(P0, 21L, P1, 9L),
                plan.offsets(),
                "partition 0 is stored at the gap, partition 1 past the batch");
    }

    @Test
    void theMissingVersionResolvesAKnownGapAndItsPartitionIsNotStoredPastIt() {
        Gap known = new Gap(2, 3, P0, 21);
        read(P1, 40, "a", 2, POSTED);
        BatchPlan plan = plan(Map.of(stream("a"), 1L), Map.of(stream("a"), known), Map.of());

        assertEquals(List.of("a@2"), ids(plan));
        assertEquals(Map.of(stream("a"), known), plan.resolved());
        assertTrue(plan.newGaps().isEmpty());
        assertEquals(Map.of(P1, 41L), plan.offsets(), "partition 0 was not read: nothing stored for it");

        records.clear();
        read(P0, 30, "b", 1, POSTED).read(P0, 31, "a", 2, POSTED);
        BatchPlan samePartition = plan(Map.of(stream("a"), 1L), Map.of(stream("a"), known), Map.of());
        assertEquals(Map.of(P0, 21L), samePartition.offsets(), "what was passed over after the gap is read again");
    }

    @Test
    void aGapOpenedAndFilledInOneBatchIsResolved() {
        read(P0, 0, "a", 2, POSTED).read(P1, 0, "a", 1, POSTED);
        BatchPlan plan = plan(Map.of(), Map.of(), Map.of());

        assertEquals(List.of("a@1"), ids(plan), "version 2 waits to be read again, after version 1");
        assertTrue(plan.newGaps().isEmpty());
        assertEquals(Map.of(stream("a"), new Gap(1, 2, P0, 0)), plan.resolved());
        assertEquals(Map.of(P0, 0L, P1, 1L), plan.offsets());
    }

    @Test
    void whatCannotBeProjectedIsParkedWithItsReasonAndItsStreamMovesOn() {
        records.add(new Incoming(P0, 0, null, null, "header ce_specversion is missing", null, "no-headers"));
        records.add(new Incoming(
                P0,
                1,
                new StreamPosition("ledger-service", "bad-json", 1),
                null,
                "the value is not valid JSON",
                POSTED,
                "bad-json"));
        read(P0, 2, "unknown", 1, "test.ledger.exploded.v1")
                .read(P0, 3, "no-amount", 1, POSTED)
                .read(P0, 4, "fine", 1, POSTED);
        BatchPlan plan = plan(Map.of(), Map.of(), Map.of("no-amount@1", "a posting needs an amount"));

        assertEquals(List.of("fine@1"), ids(plan));
        assertEquals(
                List.of(
                        new Parking(0, null, "no-headers", "header ce_specversion is missing"),
                        new Parking(1, POSTED, "bad-json", "the value is not valid JSON"),
                        new Parking(
                                2,
                                "test.ledger.exploded.v1",
                                "unknown",
                                "unknown event type 'test.ledger.exploded.v1' from ledger-service"),
                        new Parking(3, POSTED, "no-amount", "its data cannot be applied: a posting needs an amount")),
                plan.parked());
        assertEquals(
                Map.of(stream("bad-json"), 1L, stream("unknown"), 1L, stream("no-amount"), 1L, stream("fine"), 1L),
                plan.versions(),
                "a parked event's version counts as applied: it is not parked again when read again");
        assertEquals(Map.of(P0, 5L), plan.offsets());
    }

    @Test
    void aRecordWithoutAStreamPositionIsParkedEvenWhenItsHeadersSayNothingElse() {
        records.add(new Incoming(P1, 7, null, null, null, null, null));
        BatchPlan plan = plan(Map.of(), Map.of(), Map.of());

        assertEquals(List.of(new Parking(0, null, null, "no stream position")), plan.parked());
        assertEquals(Map.of(P1, 8L), plan.offsets());
    }
}
