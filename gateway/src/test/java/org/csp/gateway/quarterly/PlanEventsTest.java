package org.csp.gateway.quarterly;

import static org.csp.gateway.quarterly.QuarterlyViewSupport.assertAppliedOrIgnored;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.assertNoneParked;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitApplied;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitStatus;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitView;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.pinned;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.contracts.PlanEventTypes;
import org.csp.infrastructure.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * plan-service's events in the quarterly view: initiatives defined, amended and retired; their priorities' titles from
 * the priorities' events, whichever arrives first; the plan's other events ignored, never parked. Each test uses
 * quarters, initiative ids and priority numbers of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class PlanEventsTest {

    @Inject
    QuarterlyViewProjection projection;

    private static String newInitiativeId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A v2-shaped initiative event (defined.v2 or amended.v1): the pinned payload with this id, priority and title. */
    private static ProducerRecord<String, byte[]> initiative(
            String type, String id, long version, int priority, String title) {
        return PinnedEvents.record(type, "stroud:initiative:" + id, version, e -> {
            e.put("initiativeId", id);
            ((ObjectNode) e.get("definition")).put("priority", priority).put("title", title);
        });
    }

    private static ProducerRecord<String, byte[]> priority(
            String type, int number, long version, Consumer<ObjectNode> change) {
        return PinnedEvents.record(type, "stroud:priority:" + number, version, e -> {
            e.put("priority", number);
            change.accept(e);
        });
    }

    private static ProducerRecord<String, byte[]> priorityTitled(String type, int number, long version, String title) {
        return priority(type, number, version, e -> ((ObjectNode) e.get("definition")).put("title", title));
    }

    private static String path(String id, String field) {
        return "initiatives.find { it.id == '" + id + "' }." + field;
    }

    private static boolean shows(JsonPath view, String id) {
        return view.get("initiatives.find { it.id == '" + id + "' }") != null;
    }

    /** Waits until the live generation has applied everything on plan.events (no lag on any of its partitions). */
    private static JsonPath awaitPlanEventsApplied() throws InterruptedException {
        return awaitApplied("plan.events");
    }

    @Test
    void aVersionTwoDefinitionAnAmendmentAndARetirementChangeTheView() throws Exception {
        String id = newInitiativeId();
        String quarter = "/api/views/quarterly/2019-20-Q1";
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(initiative("plan.initiative.defined.v2", id, 1, 74, "First title"));
            events.publish(PinnedEvents.record(
                    "plan.initiative.updated.v1",
                    "stroud:initiative:" + id,
                    2,
                    e -> e.put("initiativeId", id)
                            .put("quarter", "2019/20 Q1")
                            .put("status", "at-risk")
                            .put("rag", "amber")));
        }
        JsonPath defined = awaitView(quarter, v -> "at-risk".equals(v.get(path(id, "status"))));
        assertEquals(74, defined.getInt(path(id, "priority")));
        assertEquals("First title", defined.getString(path(id, "title")));
        assertEquals("amber", defined.getString(path(id, "rag")));

        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(initiative("plan.initiative.amended.v1", id, 3, 75, "Amended title"));
        }
        JsonPath amended = awaitView(quarter, v -> "Amended title".equals(v.get(path(id, "title"))));
        assertEquals(75, amended.getInt(path(id, "priority")), "the amendment moved it to another priority");
        assertEquals("at-risk", amended.getString(path(id, "status")), "its progress stays");
        int initiatives = amended.getInt("summary.initiatives");

        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record(
                    "plan.initiative.retired.v1", "stroud:initiative:" + id, 4, e -> e.put("initiativeId", id)));
        }
        JsonPath retired = awaitView(quarter, v -> !shows(v, id));
        assertEquals(initiatives - 1, retired.getInt("summary.initiatives"), "a retired initiative is not counted");
        assertEquals(retired.getList("initiatives").size(), retired.getInt("summary.initiatives"));

        try (PinnedEvents events = new PinnedEvents()) { // plan-service defines a retired initiative again
            events.publish(initiative("plan.initiative.defined.v2", id, 5, 74, "Back in the plan"));
        }
        JsonPath again = awaitView(quarter, v -> "Back in the plan".equals(v.get(path(id, "title"))));
        assertEquals(74, again.getInt(path(id, "priority")));
        assertEquals(initiatives, again.getInt("summary.initiatives"));
    }

    @Test
    void priorityTitlesComeFromThePrioritysEventsWhicheverArrivesFirst() throws Exception {
        String quarter = "/api/views/quarterly/2019-20-Q2";
        String before = newInitiativeId();
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(initiative("plan.initiative.defined.v2", before, 1, 71, "Defined before its priority"));
        }
        JsonPath untitled = awaitView(quarter, v -> shows(v, before));
        assertNull(untitled.get(path(before, "priorityTitle")), "no title is known for priority 71 yet");
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(priorityTitled("plan.priority.defined.v1", 71, 1, "Priority seventy-one"));
        }
        awaitView(quarter, v -> "Priority seventy-one".equals(v.get(path(before, "priorityTitle"))));

        String after = newInitiativeId();
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(priorityTitled("plan.priority.defined.v1", 72, 1, "Priority seventy-two"));
        }
        awaitPlanEventsApplied();
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(initiative("plan.initiative.defined.v2", after, 1, 72, "Defined after its priority"));
        }
        JsonPath titled = awaitView(quarter, v -> shows(v, after));
        assertEquals("Priority seventy-two", titled.getString(path(after, "priorityTitle")));

        // a defined.v1 event's own title gives way to the priority's
        String legacy = newInitiativeId();
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record(
                    "plan.initiative.defined.v1",
                    "stroud:initiative:" + legacy,
                    1,
                    e -> e.put("initiativeId", legacy).put("priority", 72).put("priorityTitle", "An old title")));
        }
        JsonPath both = awaitView(quarter, v -> shows(v, legacy));
        assertEquals("Priority seventy-two", both.getString(path(legacy, "priorityTitle")));

        // amended, the title changes for every initiative of the priority; retired, it keeps its last title
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(priorityTitled("plan.priority.amended.v1", 72, 2, "Priority seventy-two, renamed"));
        }
        JsonPath renamed =
                awaitView(quarter, v -> "Priority seventy-two, renamed".equals(v.get(path(after, "priorityTitle"))));
        assertEquals("Priority seventy-two, renamed", renamed.getString(path(legacy, "priorityTitle")));
        assertEquals("Priority seventy-one", renamed.getString(path(before, "priorityTitle")));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(priority("plan.priority.retired.v1", 72, 3, e -> {}));
        }
        awaitPlanEventsApplied();
        JsonPath retired = awaitView(quarter, v -> true);
        assertEquals("Priority seventy-two, renamed", retired.getString(path(after, "priorityTitle")));
    }

    /** The plan's events the view has no use for: every one of them pinned by plan-service, ignored explicitly. */
    static final List<String> IGNORED_PLAN_TYPES = List.of(
            "plan.organisation.defined.v1",
            "plan.organisation.amended.v1",
            "plan.organisation.retired.v1",
            "plan.plan.revised.v1",
            "plan.priority-lead.assigned.v1");

    @Test
    void thePlansOtherEventsAreIgnoredNotParked() throws Exception {
        long parkedBefore = awaitStatus(s -> true).getLong("[0].live.parkedCount");
        try (PinnedEvents events = new PinnedEvents()) {
            for (String type : IGNORED_PLAN_TYPES) {
                String kind = type.split("\\.")[1];
                events.publish(PinnedEvents.record(type, "stroud:" + kind + ":" + UUID.randomUUID(), 1, e -> {}));
            }
        }
        JsonPath status = awaitPlanEventsApplied();
        assertNoneParked(parkedBefore, status, IGNORED_PLAN_TYPES);
    }

    @Test
    void everyEventTypePlanServicePinsIsAppliedOrIgnored() throws Exception {
        List<String> types = pinned(PlanEventTypes.ALL);
        assertEquals(PlanEventTypes.ALL.size(), types.size(), "every plan type has its approved JSON");
        assertTrue(types.size() > 10, "plan-service's pinned events: " + types);
        for (String type : types) {
            assertAppliedOrIgnored(projection, type);
        }
        assertTrue(types.containsAll(IGNORED_PLAN_TYPES), "every type this test publishes is pinned");
        assertEquals(
                Set.copyOf(IGNORED_PLAN_TYPES),
                projection.ignoredTypes().stream()
                        .filter(t -> t.startsWith("plan."))
                        .collect(java.util.stream.Collectors.toSet()));
    }
}
