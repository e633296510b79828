package org.csp.gateway.quarterly;

import static org.csp.gateway.quarterly.QuarterlyViewSupport.assertAppliedOrIgnored;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitView;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.pinned;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.settledView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.contracts.EngagementEventTypes;
import org.csp.infrastructure.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * engagement-service's events in the quarterly view: records amended and withdrawn move the quarter's totals by their
 * difference; every type it pins is applied or ignored.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class EngagementEventsTest {

    @Inject
    QuarterlyViewProjection projection;

    /**
     * Engagement records (v2 and v3 alike): an amendment moves a record's counts (type and attendance) and a withdrawal takes them
     * off the quarter's totals; a republished amendment changes nothing.
     */
    @Test
    void amendedAndWithdrawnEngagementRecordsMoveTheTotalsByTheirDifference() throws Exception {
        String a = "e-" + UUID.randomUUID();
        String b = "e-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> amendment =
                activity("engagement.activity.amended.v1", a, 2, "2019-08-01", "public-event", 12);
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(activity("engagement.activity.recorded.v2", a, 1, "2019-08-01", "workshop", 10));
            events.publish(activity("engagement.activity.recorded.v3", b, 1, "2019-09-01", "survey", 5));
        }
        // the records are stored before their amendment and withdrawal arrive, so those change stored counts
        awaitView(
                "/api/views/quarterly/2019-20-Q2",
                v -> v.getInt("engagement.records") == 2 && v.getInt("engagement.attendance") == 15);
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(amendment);
            events.publish(PinnedEvents.record(
                    "engagement.activity.withdrawn.v1", "stroud:engagement:" + b, 2, e -> e.put("engagementId", b)));
        }
        JsonPath view = awaitView(
                "/api/views/quarterly/2019-20-Q2",
                v -> v.getInt("engagement.records") == 1 && v.getInt("engagement.attendance") == 12);
        assertEquals(1, view.getInt("engagement.byType.public-event"));
        assertNull(view.get("engagement.byType.workshop"));
        assertNull(view.get("engagement.byType.survey"));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(amendment);
        }
        JsonPath settled = settledView("/api/views/quarterly/2019-20-Q2");
        assertEquals(12, settled.getInt("engagement.attendance"), "the republished amendment changes nothing");
        assertEquals(1, settled.getInt("engagement.records"));
    }

    /** A one-day engagement record's event (v2 details), of {@code kind} with {@code attendance}. */
    private static ProducerRecord<String, byte[]> activity(
            String type, String id, long version, String day, String kind, int attendance) {
        return PinnedEvents.record(type, "stroud:engagement:" + id, version, e -> {
            e.put("engagementId", id);
            ((ObjectNode) e.get("details"))
                    .put("startDate", day)
                    .put("endDate", day)
                    .put("type", kind)
                    .put("attendance", attendance);
        });
    }

    /** engagement-service's types too: each applied or ignored, never parked. */
    @Test
    void everyEventTypeEngagementServicePinsIsAppliedOrIgnored() throws Exception {
        List<String> types = pinned(EngagementEventTypes.ALL);
        assertEquals(EngagementEventTypes.ALL.size(), types.size(), "every engagement type has its approved JSON");
        assertTrue(types.contains("engagement.review.closed.v1"), "engagement-service's pinned events: " + types);
        for (String type : types) {
            assertAppliedOrIgnored(projection, type);
        }
    }
}
