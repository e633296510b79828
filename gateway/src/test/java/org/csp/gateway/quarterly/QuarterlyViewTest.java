package org.csp.gateway.quarterly;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Assessment;
import org.csp.assessment.Polarity;
import org.csp.assessment.Reading;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.projection.ConsumerSettings;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.csp.eventsourcing.projection.hosting.ProjectionConfig;
import org.csp.contracts.ApprovedJson;
import org.csp.contracts.EngagementEventTypes;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.contracts.PlanEventTypes;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The projection against a real broker and database: the services' pinned events become the quarterly view,
 * exactly once; a rebuild never blanks the view; a record that cannot be read is parked and the view goes on; the
 * plan's initiatives are defined, amended and retired, their priorities' titles come from the priorities' events;
 * the plan's other events are ignored, never parked; a generation built by version 1 keeps working until the
 * rebuild that version 2 asks for replaces it. Each test uses quarters, initiative ids and priority numbers of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class QuarterlyViewTest {

    static JsonPath awaitView(String path, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = given().auth().oauth2(Tokens.user("viewer")).when().get(path)
                    .then().statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail("The view never met the condition; last seen: " + (last == null ? null : last.prettify()));
        return null;
    }

    private static ProducerRecord<String, byte[]> engagement(String id, LocalDate date, String type, int attendance) {
        return PinnedEvents.record("engagement.activity.recorded.v1", "stroud:engagement:" + id, 1, e -> e
                .put("engagementId", id).put("date", date.toString()).put("type", type).put("attendance", attendance));
    }

    @Test
    void theServicesEventsMakeTheQuarterlyViewEachCountedOnce() throws Exception {
        ProducerRecord<String, byte[]> workshop = engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 8, 14), "workshop", 25);
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record("plan.initiative.defined.v1", "stroud:initiative:P1-03", 1, e -> { }));
            events.publish(PinnedEvents.record("plan.initiative.updated.v1", "stroud:initiative:P1-03", 2,
                    e -> e.put("quarter", "2022/23 Q2")));
            events.publish(PinnedEvents.record("measures.indicator.defined.v1", "stroud:indicator:ASB-INCIDENTS", 1, e -> { }));
            String measure = "stroud:datapoint:ASB-INCIDENTS:E07000082:2022-08:gloucestershire-constabulary";
            Consumer<ObjectNode> august = e -> e.put("indicatorCode", "ASB-INCIDENTS").put("geography", "E07000082")
                    .put("period", "2022-08").put("source", "gloucestershire-constabulary").put("value", 12);
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, august));
            events.publish(workshop);
            events.publish(engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 9, 30), "survey", 0));
            // a correction: revision 2 replaces the value; an old revision published again changes nothing
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 2,
                    august.andThen(e -> e.put("value", 14).put("revision", 2).put("status", "final"))));
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, august));
        }

        JsonPath view = awaitView("/api/views/quarterly/2022-23-Q2", v -> v.getInt("engagement.records") == 2
                && Integer.valueOf(14).equals(v.get("measures[0].total")));
        assertEquals("2022/23 Q2", view.getString("quarter"));
        assertEquals("2022-07-01", view.getString("from"));
        assertEquals("on-track", view.getString("initiatives.find { it.id == 'P1-03' }.status"));
        assertEquals("CCTV deployed", view.getString("initiatives.find { it.id == 'P1-03' }.commentary"));
        assertEquals("Tackle ASB", view.getString("initiatives.find { it.id == 'P1-03' }.priorityTitle"),
                "a defined.v1 event's own priority title, while no priority event names one");
        assertEquals("E07000082", view.getString("measures[0].geography"));
        assertEquals(2, view.getInt("measures[0].periods[0].revision"));
        assertEquals(1, view.getInt("engagement.byType.workshop"));
        assertEquals(1, view.getInt("engagement.byType.survey"));
        assertEquals(25, view.getInt("engagement.attendance"));

        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(workshop); // the relay republished it after a crash: it must count once
            events.publish(engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 10, 1), "workshop", 10));
        }
        JsonPath q3 = awaitView("/api/views/quarterly/2022-23-Q3", v -> v.getInt("engagement.records") == 1);
        assertNull(q3.get("initiatives.find { it.id == 'P1-03' }.status"));
        assertEquals(10, q3.getInt("engagement.attendance"));
        Thread.sleep(1000);
        JsonPath settled = awaitView("/api/views/quarterly/2022-23-Q2", v -> true);
        assertEquals(25, settled.getInt("engagement.attendance"), "the republished workshop is counted once");
        assertEquals(2, settled.getInt("engagement.records"));
    }

    @Test
    void aRebuildNeverBlanksTheViewAndEndsWithAnEqualOne() throws Exception {
        int records = 4000;
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            batch.add(engagement("r-" + UUID.randomUUID(), LocalDate.of(2021, 4, 1).plusDays(i % 365),
                    i % 3 == 0 ? "survey" : "workshop", i % 50));
        }
        try (PinnedEvents events = new PinnedEvents()) {
            events.publishAll(batch);
        }
        List<String> quarters = List.of("2021-22-Q1", "2021-22-Q2", "2021-22-Q3", "2021-22-Q4");
        awaitView("/api/views/quarterly/2021-22-Q4", v -> quarters.stream()
                .mapToInt(q -> given().auth().oauth2(Tokens.user("viewer")).get("/api/views/quarterly/" + q).jsonPath()
                        .getInt("engagement.records")).sum() == records);
        String before = views(quarters);
        int generation = liveGeneration();

        given().auth().oauth2(Tokens.user("viewer")).when().post("/api/admin/projections/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.user("coordinator")).when().post("/api/admin/projections/rebuild")
                .then().statusCode(202).body("[0].generation", equalTo(generation + 1));
        int reads = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (liveGeneration() == generation) {
            assertEquals(before, views(quarters), "read " + reads + " during the rebuild");
            reads++;
            assertTrue(System.nanoTime() < deadline, "the rebuild did not finish");
        }
        assertTrue(reads > 0, "the view was read while the rebuild ran");
        assertEquals(before, views(quarters), "the rebuilt view equals the old one");

        // The address of the first release still works.
        given().auth().oauth2(Tokens.user("coordinator")).when().post("/api/admin/projections/quarterly/rebuild")
                .then().statusCode(202).body("[0].generation", equalTo(generation + 2));
        awaitStatus(s -> s.getInt("[0].live.generation") == generation + 2);
        assertEquals(before, views(quarters));
    }

    @Test
    void aRecordThatCannotBeReadIsParkedAndTheViewGoesOn() throws Exception {
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(new ProducerRecord<>("engagement.events", "garbage", "not json at all".getBytes(StandardCharsets.UTF_8)));
            events.publish(PinnedEvents.record("engagement.activity.recorded.v1", "stroud:engagement:no-date", 1, e -> e.remove("date")));
            events.publish(engagement("p-" + UUID.randomUUID(), LocalDate.of(2020, 5, 5), "workshop", 7));
        }
        awaitView("/api/views/quarterly/2020-21-Q1", v -> v.getInt("engagement.records") == 1 && v.getInt("engagement.attendance") == 7);
        JsonPath status = awaitStatus(s -> s.getInt("[0].live.parkedCount") >= 2);
        List<String> reasons = status.getList("[0].live.parked.reason");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_specversion is missing")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'date'")), reasons.toString());
        assertEquals("quarterly", status.getString("[0].projection"));
        assertEquals("leader", status.getString("[0].role"));
        given().auth().oauth2(Tokens.user("viewer")).when().get("/api/admin/projections/status").then().statusCode(403);
        given().when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'projection-problems' }.data.'quarterly.parked'", equalTo(reasons.size()));
    }

    @Test
    void theViewNeedsAToken() {
        given().when().get("/api/views/quarterly/2024-25-Q2").then().statusCode(401);
        given().when().get("/api/admin/projections/status").then().statusCode(401);
    }

    @Test
    void anUnknownQuarterIsAProblem() {
        given().auth().oauth2(Tokens.user("viewer")).when().get("/api/views/quarterly/2024-Q2")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:invalid-quarter"));
    }

    @Test
    void anUnreachableServiceIsABadGatewayProblem() {
        given().auth().oauth2(Tokens.user("viewer")).when().get("/api/initiatives")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:upstream-unavailable"));
        given().when().get("/api/initiatives").then().statusCode(401);
    }

    private static String newInitiativeId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A v2-shaped initiative event (defined.v2 or amended.v1): the pinned payload with this id, priority and title. */
    private static ProducerRecord<String, byte[]> initiative(String type, String id, long version, int priority, String title) {
        return PinnedEvents.record(type, "stroud:initiative:" + id, version, e -> {
            e.put("initiativeId", id);
            ((ObjectNode) e.get("definition")).put("priority", priority).put("title", title);
        });
    }

    private static ProducerRecord<String, byte[]> priority(String type, int number, long version, Consumer<ObjectNode> change) {
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
            events.publish(PinnedEvents.record("plan.initiative.updated.v1", "stroud:initiative:" + id, 2, e -> e
                    .put("initiativeId", id).put("quarter", "2019/20 Q1").put("status", "at-risk").put("rag", "amber")));
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
            events.publish(PinnedEvents.record("plan.initiative.retired.v1", "stroud:initiative:" + id, 4,
                    e -> e.put("initiativeId", id)));
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
            events.publish(PinnedEvents.record("plan.initiative.defined.v1", "stroud:initiative:" + legacy, 1, e -> e
                    .put("initiativeId", legacy).put("priority", 72).put("priorityTitle", "An old title")));
        }
        JsonPath both = awaitView(quarter, v -> shows(v, legacy));
        assertEquals("Priority seventy-two", both.getString(path(legacy, "priorityTitle")));

        // amended, the title changes for every initiative of the priority; retired, it keeps its last title
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(priorityTitled("plan.priority.amended.v1", 72, 2, "Priority seventy-two, renamed"));
        }
        JsonPath renamed = awaitView(quarter, v -> "Priority seventy-two, renamed".equals(v.get(path(after, "priorityTitle"))));
        assertEquals("Priority seventy-two, renamed", renamed.getString(path(legacy, "priorityTitle")));
        assertEquals("Priority seventy-one", renamed.getString(path(before, "priorityTitle")));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(priority("plan.priority.retired.v1", 72, 3, e -> { }));
        }
        awaitPlanEventsApplied();
        JsonPath retired = awaitView(quarter, v -> true);
        assertEquals("Priority seventy-two, renamed", retired.getString(path(after, "priorityTitle")));
    }

    /** The plan's events the view has no use for: every one of them pinned by plan-service, ignored explicitly. */
    static final List<String> IGNORED_PLAN_TYPES = List.of(
            "plan.objective.defined.v1", "plan.objective.amended.v1", "plan.objective.retired.v1",
            "plan.organisation.defined.v1", "plan.organisation.amended.v1", "plan.organisation.retired.v1",
            "plan.plan.revised.v1",
            "plan.quarterly-review.opened.v1", "plan.quarterly-review.report-submitted.v1",
            "plan.quarterly-review.closed.v1", "plan.quarterly-review.reopened.v1",
            "plan.priority-lead.assigned.v1");

    @Inject
    QuarterlyViewProjection projection;

    @Test
    void thePlansOtherEventsAreIgnoredNotParked() throws Exception {
        long parkedBefore = awaitStatus(s -> true).getLong("[0].live.parkedCount");
        try (PinnedEvents events = new PinnedEvents()) {
            for (String type : IGNORED_PLAN_TYPES) {
                String kind = type.split("\\.")[1];
                events.publish(PinnedEvents.record(type, "stroud:" + kind + ":" + UUID.randomUUID(), 1, e -> { }));
            }
        }
        JsonPath status = awaitPlanEventsApplied();
        assertEquals(parkedBefore, status.getLong("[0].live.parkedCount"), status.prettify());
        List<String> parkedTypes = status.getList("[0].live.parked.type");
        for (String type : IGNORED_PLAN_TYPES) {
            assertFalse(parkedTypes.contains(type), type + " was parked: " + status.prettify());
        }
    }

    @Test
    void everyEventTypePlanServicePinsIsAppliedOrIgnored() throws Exception {
        List<String> types = PlanEventTypes.ALL.stream().filter(ApprovedJson::exists).sorted().toList();
        assertEquals(PlanEventTypes.ALL.size(), types.size(), "every plan type has its approved JSON");
        assertTrue(types.size() > 10, "plan-service's pinned events: " + types);
        for (String type : types) {
            assertTrue(projection.appliedTypes().contains(type) || projection.ignoredTypes().contains(type),
                    type + " would be parked: the quarterly view neither applies nor ignores it");
        }
        assertTrue(types.containsAll(IGNORED_PLAN_TYPES), "every type this test publishes is pinned");
        assertEquals(Set.copyOf(IGNORED_PLAN_TYPES), projection.ignoredTypes().stream().filter(t -> t.startsWith("plan."))
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** engagement-service's types too: case reviews are not part of the view, and must not be parked either. */
    /**
     * Engagement records v2: an amendment moves a record's counts (type and attendance) and a withdrawal takes them
     * off the quarter's totals; a republished amendment changes nothing.
     */
    @Test
    void amendedAndWithdrawnEngagementRecordsMoveTheTotalsByTheirDifference() throws Exception {
        String a = "e-" + UUID.randomUUID();
        String b = "e-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> amendment = PinnedEvents.record("engagement.activity.amended.v1", "stroud:engagement:" + a, 2,
                e -> { e.put("engagementId", a); ((ObjectNode) e.get("details")).put("startDate", "2019-08-01")
                        .put("endDate", "2019-08-01").put("type", "public-event").put("attendance", 12); });
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record("engagement.activity.recorded.v2", "stroud:engagement:" + a, 1,
                    e -> { e.put("engagementId", a); ((ObjectNode) e.get("details")).put("startDate", "2019-08-01")
                            .put("endDate", "2019-08-01").put("type", "workshop").put("attendance", 10); }));
            events.publish(PinnedEvents.record("engagement.activity.recorded.v2", "stroud:engagement:" + b, 1,
                    e -> { e.put("engagementId", b); ((ObjectNode) e.get("details")).put("startDate", "2019-09-01")
                            .put("endDate", "2019-09-01").put("type", "survey").put("attendance", 5); }));
        }
        // the records are stored before their amendment and withdrawal arrive, so those change stored counts
        awaitView("/api/views/quarterly/2019-20-Q2", v -> v.getInt("engagement.records") == 2 && v.getInt("engagement.attendance") == 15);
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(amendment);
            events.publish(PinnedEvents.record("engagement.activity.withdrawn.v1", "stroud:engagement:" + b, 2,
                    e -> e.put("engagementId", b)));
        }
        JsonPath view = awaitView("/api/views/quarterly/2019-20-Q2", v -> v.getInt("engagement.records") == 1
                && v.getInt("engagement.attendance") == 12);
        assertEquals(1, view.getInt("engagement.byType.public-event"));
        assertNull(view.get("engagement.byType.workshop"));
        assertNull(view.get("engagement.byType.survey"));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(amendment);
        }
        Thread.sleep(1000);
        JsonPath settled = awaitView("/api/views/quarterly/2019-20-Q2", v -> true);
        assertEquals(12, settled.getInt("engagement.attendance"), "the republished amendment changes nothing");
        assertEquals(1, settled.getInt("engagement.records"));
    }

    @Test
    void everyEventTypeEngagementServicePinsIsAppliedOrIgnored() throws Exception {
        List<String> types = EngagementEventTypes.ALL.stream().filter(ApprovedJson::exists).sorted().toList();
        assertEquals(EngagementEventTypes.ALL.size(), types.size(), "every engagement type has its approved JSON");
        assertTrue(types.contains("engagement.review.closed.v1"), "engagement-service's pinned events: " + types);
        for (String type : types) {
            assertTrue(projection.appliedTypes().contains(type) || projection.ignoredTypes().contains(type),
                    type + " would be parked: the quarterly view neither applies nor ignores it");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // measures-service's second contracts (version 4): indicators v2 and amended, revisions, sources, assessments.
    // These tests use quarters of 2016/17 and 2017/18 and indicator codes of their own.

    /** measures-service's types the view must know (each pinned by measures-service). */
    static final List<String> MEASURES_TYPES = List.of("measures.indicator.defined.v1", "measures.indicator.defined.v2",
            "measures.indicator.amended.v1", "measures.measure.recorded.v1", "measures.measure.revised.v1",
            "measures.comparator.recorded.v1");

    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String WARD = "E05010955";
    private static final String POLICE = "gloucestershire-constabulary";
    private static final String COUNCIL = "stroud-district-council";

    private static String newIndicatorCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** A v2-shaped indicator event (defined.v2 or amended.v1): the pinned payload with this code, its definition changed. */
    private static ProducerRecord<String, byte[]> indicatorV2(String type, String code, long version, Consumer<ObjectNode> definition) {
        return PinnedEvents.record(type, "stroud:indicator:" + code, version, e -> {
            e.put("code", code);
            definition.accept((ObjectNode) e.get("definition"));
        });
    }

    /** A definition: unit, frequency, aggregation, polarity, tolerance 5 and these targets by financial year. */
    private static Consumer<ObjectNode> definition(String unit, String frequency, String aggregation, String polarity,
                                                   Map<String, Integer> targets) {
        return d -> {
            d.put("unit", unit).put("frequency", frequency).put("aggregation", aggregation).put("polarity", polarity)
                    .put("tolerance", 5);
            ObjectNode t = d.putObject("targets");
            targets.forEach(t::put);
        };
    }

    /**
     * One source's figure: recorded.v1 at revision 1 (with an empty numerator and denominator, as measures-service now
     * writes them), revised.v1 above it; one stream per indicator, geography, period and source, as measures-service's.
     */
    private static ProducerRecord<String, byte[]> dataPoint(String code, String geography, String period, String source,
                                                            int revision, String value) {
        String stream = "stroud:datapoint:" + code + ":" + geography + ":" + period + ":" + source;
        if (revision == 1) {
            return PinnedEvents.record("measures.measure.recorded.v1", stream, 1, e -> e.put("indicatorCode", code)
                    .put("geography", geography).put("period", period).put("source", source).put("value", new BigDecimal(value))
                    .put("revision", 1).put("status", "provisional").putNull("numerator").putNull("denominator"));
        }
        return PinnedEvents.record("measures.measure.revised.v1", stream, revision, e -> e.put("indicatorCode", code)
                .put("geography", geography).put("period", period).put("source", source).put("value", new BigDecimal(value))
                .put("revision", revision).put("status", "final").put("previousValue", 0));
    }

    /** The reading of that figure, as the assessment takes it. */
    private static Reading reading(String period, String source, String value) {
        LocalDate first = period.matches("\\d{4}-\\d{2}") ? java.time.YearMonth.parse(period).atDay(1)
                : period.contains("Q") ? FinancialQuarter.parse(period).orElseThrow().firstDay()
                : LocalDate.of(Integer.parseInt(period.substring(0, 4)), 4, 1);
        return new Reading(period, first, source, new BigDecimal(value));
    }

    private static String measurePath(String code, String geography) {
        return "measures.find { it.indicator == '" + code + "' && it.geography == '" + geography + "' }";
    }

    /** A measure of the view as the API answers it, its numbers read exactly. */
    private static JsonNode measure(String quarter, String code, String geography) throws Exception {
        JsonNode view = EXACT.readTree(given().auth().oauth2(Tokens.user("viewer")).when().get("/api/views/quarterly/" + quarter)
                .then().statusCode(200).extract().asString());
        for (JsonNode m : view.get("measures")) {
            if (m.get("indicator").asText().equals(code) && m.get("geography").asText().equals(geography)) {
                return m;
            }
        }
        fail(code + " in " + geography + " is not in the view of " + quarter + ": " + view.toPrettyString());
        return null;
    }

    private static void assertDecimal(BigDecimal expected, JsonNode actual, String field) {
        if (expected == null) {
            assertTrue(actual == null || actual.isNull(), field + " should be null: " + actual);
        } else {
            assertTrue(actual != null && actual.isNumber() && expected.compareTo(actual.decimalValue()) == 0,
                    field + ": expected " + expected + ", was " + actual);
        }
    }

    /** The view's assessment is exactly what the shared rule says, with the enums as their codes. */
    private static void assertAssessment(Assessment expected, JsonNode actual) {
        assertNotNull(actual, "no assessment");
        assertEquals(expected.period(), actual.get("period").asText());
        assertDecimal(expected.value(), actual.get("value"), "value");
        assertEquals(expected.periodsReported(), actual.get("periodsReported").asInt());
        assertEquals(expected.periodsExpected(), actual.get("periodsExpected").asInt());
        assertEquals(expected.comparisonPeriod(), actual.get("comparisonPeriod").asText());
        assertDecimal(expected.sameTimeLastYear(), actual.get("sameTimeLastYear"), "sameTimeLastYear");
        assertDecimal(expected.change(), actual.get("change"), "change");
        assertDecimal(expected.changePercent(), actual.get("changePercent"), "changePercent");
        assertDecimal(expected.target(), actual.get("target"), "target");
        assertEquals(expected.rag().code(), actual.get("rag").asText());
        assertEquals(expected.direction().code(), actual.get("direction").asText());
        assertEquals(expected.trend().code(), actual.get("trend").asText());
    }

    /** Waits until the live generation has applied everything on {@code topic} (no lag on any of its partitions). */
    private static JsonPath awaitApplied(String topic) throws InterruptedException {
        return awaitStatus(s -> {
            List<Long> lags = s.getList("[0].live.partitions.findAll { it.topic == '" + topic + "' }.lag", Long.class);
            List<Long> ends = s.getList("[0].live.partitions.findAll { it.topic == '" + topic + "' }.endOffset", Long.class);
            return ends.stream().mapToLong(Long::longValue).sum() > 0 && lags.stream().allMatch(lag -> lag == 0);
        });
    }

    @Test
    void measuresServicesNewEventsAreAppliedNotParked() throws Exception {
        long parkedBefore = awaitStatus(s -> true).getLong("[0].live.parkedCount");
        String code = newIndicatorCode();
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(indicatorV2("measures.indicator.defined.v2", code, 1,
                    definition("percentage", "monthly", "mean", "higher-is-better", Map.of())));
            events.publish(indicatorV2("measures.indicator.amended.v1", code, 2, definition("percentage", "monthly", "mean",
                    "higher-is-better", Map.of("2017/18", 60)).andThen(d -> d.put("title", "Amended title"))));
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", "stroud:datapoint:" + code + ":" + WARD + ":2018-01:" + POLICE,
                    1, e -> e.put("indicatorCode", code).put("geography", WARD).put("period", "2018-01").put("source", POLICE)
                            .put("value", new BigDecimal("52.5")).put("numerator", 21).put("denominator", 40)));
            events.publish(dataPoint(code, WARD, "2018-01", POLICE, 2, "55.0"));
            events.publish(PinnedEvents.record("measures.comparator.recorded.v1", "stroud:comparator:" + code + ":" + WARD + ":2017/18 Q4",
                    1, e -> e.put("indicatorCode", code).put("geography", WARD).put("period", "2017/18 Q4")));
        }
        JsonPath view = awaitView("/api/views/quarterly/2017-18-Q4",
                v -> "Amended title".equals(v.get(measurePath(code, WARD) + ".title"))
                        && Integer.valueOf(2).equals(v.get(measurePath(code, WARD) + ".periods[0].revision")));
        assertEquals("higher-is-better", view.getString(measurePath(code, WARD) + ".polarity"));
        assertEquals(POLICE, view.getString(measurePath(code, WARD) + ".periods[0].source"));
        assertNull(view.get(measurePath(code, WARD) + ".total"), "a mean does not add up");
        JsonPath status = awaitApplied("measures.events");
        assertEquals(parkedBefore, status.getLong("[0].live.parkedCount"), status.prettify());
        List<String> parkedTypes = status.getList("[0].live.parked.type");
        for (String type : MEASURES_TYPES) {
            assertFalse(parkedTypes.contains(type), type + " was parked: " + status.prettify());
        }
    }

    @Test
    void everyEventTypeMeasuresServicePinsIsAppliedOrIgnored() throws Exception {
        List<String> types = new ArrayList<>(MEASURES_TYPES);
        types.addAll(MeasuresEventTypes.ALL);
        for (String type : types) {
            assertTrue(projection.appliedTypes().contains(type) || projection.ignoredTypes().contains(type),
                    type + " would be parked: the quarterly view neither applies nor ignores it");
            assertTrue(ApprovedJson.exists(type), type + " is not pinned by measures-service");
        }
    }

    /**
     * A data point is one source's figure: a revision replaces that source's value (and an old revision published
     * again changes nothing), a second source for the same period adds to a sum-indicator's total.
     */
    @Test
    void aRevisionReplacesAValueAndASecondSourceAddsToTheTotal() throws Exception {
        String code = newIndicatorCode();
        String quarter = "/api/views/quarterly/2017-18-Q3";
        ProducerRecord<String, byte[]> first = dataPoint(code, WARD, "2017-10", POLICE, 1, "10");
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(indicatorV2("measures.indicator.defined.v2", code, 1,
                    definition("count", "monthly", "sum", "lower-is-better", Map.of())));
            events.publish(first);
            events.publish(dataPoint(code, WARD, "2017-10", COUNCIL, 1, "5"));
            events.publish(dataPoint(code, WARD, "2017-11", POLICE, 1, "20"));
        }
        JsonPath both = awaitView(quarter, v -> Integer.valueOf(35).equals(v.get(measurePath(code, WARD) + ".total")));
        assertEquals(List.of("2017-10", "2017-10", "2017-11"), both.getList(measurePath(code, WARD) + ".periods.period"));
        assertEquals(List.of(POLICE, COUNCIL, POLICE).stream().sorted().toList(),
                both.getList(measurePath(code, WARD) + ".periods.source", String.class).stream().sorted().toList());

        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(dataPoint(code, WARD, "2017-10", POLICE, 2, "12"));
        }
        awaitView(quarter, v -> Integer.valueOf(37).equals(v.get(measurePath(code, WARD) + ".total")));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(first); // republished by a relay after a crash
        }
        awaitApplied("measures.events");
        JsonNode revised = measure("2017-18-Q3", code, WARD);
        assertDecimal(new BigDecimal(37), revised.get("total"), "total");
        assertEquals(3, revised.get("periods").size());
        for (JsonNode period : revised.get("periods")) {
            if (period.get("period").asText().equals("2017-10") && period.get("source").asText().equals(POLICE)) {
                assertDecimal(new BigDecimal(12), period.get("value"), "the revised value");
                assertEquals(2, period.get("revision").asInt());
                assertEquals("final", period.get("status").asText());
            }
        }
    }

    /**
     * The view's assessment is the shared rule's ({@link Assessment#assess}) over every source's figures of the quarter
     * and of the same quarter a year earlier: a monthly sum without a target (lower is better, 90 against 120:
     * improving, green), a quarterly mean of two sources against a target (77 against 80 within the tolerance: amber)
     * and an annual figure (the financial year against the one before). Only the quarter's own figures are listed.
     */
    @Test
    void theAssessmentIsTheSharedRulesOverThisQuarterAndTheSameQuarterLastYear() throws Exception {
        String monthly = newIndicatorCode();
        String quarterly = newIndicatorCode();
        String annual = newIndicatorCode();
        FinancialQuarter q = FinancialQuarter.parse("2017/18 Q2").orElseThrow();
        List<String[]> monthlyPoints = List.of(
                new String[]{"2017-07", POLICE, "20"}, new String[]{"2017-07", COUNCIL, "10"}, new String[]{"2017-08", POLICE, "30"},
                new String[]{"2017-09", POLICE, "30"},
                new String[]{"2016-07", POLICE, "40"}, new String[]{"2016-08", POLICE, "40"}, new String[]{"2016-09", POLICE, "40"},
                new String[]{"2016-10", POLICE, "999"}, new String[]{"2017-10", POLICE, "999"}); // neither quarter
        List<String[]> quarterlyPoints = List.of(new String[]{"2017/18 Q2", POLICE, "76"}, new String[]{"2017/18 Q2", COUNCIL, "78"},
                new String[]{"2016/17 Q2", POLICE, "70"});
        List<String[]> annualPoints = List.of(new String[]{"2017/18", POLICE, "500"}, new String[]{"2016/17", POLICE, "510"});
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(indicatorV2("measures.indicator.defined.v2", monthly, 1,
                    definition("count", "monthly", "sum", "lower-is-better", Map.of())));
            events.publish(indicatorV2("measures.indicator.defined.v2", quarterly, 1,
                    definition("percentage", "quarterly", "mean", "higher-is-better", Map.of("2017/18", 80, "2016/17", 65))));
            events.publish(indicatorV2("measures.indicator.defined.v2", annual, 1,
                    definition("count", "annual", "sum", "lower-is-better", Map.of())));
            for (String[] p : monthlyPoints) {
                events.publish(dataPoint(monthly, WARD, p[0], p[1], 1, p[2]));
            }
            for (String[] p : quarterlyPoints) {
                events.publish(dataPoint(quarterly, WARD, p[0], p[1], 1, p[2]));
            }
            for (String[] p : annualPoints) {
                events.publish(dataPoint(annual, WARD, p[0], p[1], 1, p[2]));
            }
        }
        awaitView("/api/views/quarterly/2017-18-Q2", v -> Integer.valueOf(120).equals(v.get(measurePath(monthly, WARD) + ".assessment.sameTimeLastYear"))
                && Integer.valueOf(90).equals(v.get(measurePath(monthly, WARD) + ".assessment.value"))
                && Integer.valueOf(70).equals(v.get(measurePath(quarterly, WARD) + ".assessment.sameTimeLastYear"))
                && Integer.valueOf(77).equals(v.get(measurePath(quarterly, WARD) + ".assessment.value"))
                && Integer.valueOf(510).equals(v.get(measurePath(annual, WARD) + ".assessment.sameTimeLastYear")));

        Assessment expectedMonthly = Assessment.assess(new Assessment.Basis(Polarity.LOWER_IS_BETTER, Aggregation.SUM, 12,
                BigDecimal.valueOf(5), Map.of()), q, monthlyPoints.stream().map(p -> reading(p[0], p[1], p[2])).toList());
        JsonNode m = measure("2017-18-Q2", monthly, WARD);
        assertAssessment(expectedMonthly, m.get("assessment"));
        assertEquals("improving", m.at("/assessment/direction").asText());
        assertEquals("green", m.at("/assessment/rag").asText());
        assertEquals("down", m.at("/assessment/trend").asText());
        assertDecimal(new BigDecimal("-25.0"), m.at("/assessment/changePercent"), "changePercent");
        assertEquals(4, m.get("periods").size(), "only the quarter's own figures are listed: " + m);
        assertDecimal(new BigDecimal(90), m.get("total"), "total");

        Assessment expectedQuarterly = Assessment.assess(new Assessment.Basis(Polarity.HIGHER_IS_BETTER, Aggregation.MEAN, 4,
                        BigDecimal.valueOf(5), Map.of("2017/18", BigDecimal.valueOf(80), "2016/17", BigDecimal.valueOf(65))), q,
                quarterlyPoints.stream().map(p -> reading(p[0], p[1], p[2])).toList());
        JsonNode qm = measure("2017-18-Q2", quarterly, WARD);
        assertAssessment(expectedQuarterly, qm.get("assessment"));
        assertEquals("amber", qm.at("/assessment/rag").asText(), "77 is short of 80 by less than 5 %");
        assertEquals("improving", qm.at("/assessment/direction").asText());
        assertEquals(2, qm.get("periods").size());

        Assessment expectedAnnual = Assessment.assess(new Assessment.Basis(Polarity.LOWER_IS_BETTER, Aggregation.SUM, 1,
                BigDecimal.valueOf(5), Map.of()), q, annualPoints.stream().map(p -> reading(p[0], p[1], p[2])).toList());
        JsonNode am = measure("2017-18-Q2", annual, WARD);
        assertAssessment(expectedAnnual, am.get("assessment"));
        assertEquals("2017/18", am.at("/assessment/period").asText());
        assertEquals("stable", am.at("/assessment/direction").asText());
        assertEquals("2017/18", am.at("/periods/0/period").asText(), "an annual figure shows in each quarter of its year");
        assertEquals(1, am.get("periods").size());
        assertEquals("2017/18", measure("2017-18-Q4", annual, WARD).at("/periods/0/period").asText());
    }

    /**
     * measures.indicator.defined.v1 goes on being applied, with measures-service's defaults (a sum for counts, 5 %,
     * no targets); a legacy definition without a polarity shows its data points but no assessment.
     */
    @Test
    void aVersionOneIndicatorStillShows() throws Exception {
        String code = newIndicatorCode();
        String unrated = newIndicatorCode();
        FinancialQuarter q = FinancialQuarter.parse("2017/18 Q1").orElseThrow();
        List<String[]> points = List.of(new String[]{"2017-04", POLICE, "10"}, new String[]{"2017-05", POLICE, "10"},
                new String[]{"2017-06", POLICE, "10"}, new String[]{"2016-04", POLICE, "20"}, new String[]{"2016-05", POLICE, "20"},
                new String[]{"2016-06", POLICE, "20"});
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record("measures.indicator.defined.v1", "stroud:indicator:" + code, 1,
                    e -> e.put("code", code).put("title", "A version 1 indicator")));
            events.publish(PinnedEvents.record("measures.indicator.defined.v1", "stroud:indicator:" + unrated, 1,
                    e -> e.put("code", unrated).put("title", "No polarity").remove("polarity")));
            for (String[] p : points) {
                events.publish(dataPoint(code, WARD, p[0], p[1], 1, p[2]));
                events.publish(dataPoint(unrated, WARD, p[0], p[1], 1, p[2]));
            }
        }
        awaitView("/api/views/quarterly/2017-18-Q1", v -> Integer.valueOf(60).equals(v.get(measurePath(code, WARD) + ".assessment.sameTimeLastYear"))
                && Integer.valueOf(30).equals(v.get(measurePath(code, WARD) + ".assessment.value"))
                && Integer.valueOf(30).equals(v.get(measurePath(unrated, WARD) + ".total"))
                && "No polarity".equals(v.get(measurePath(unrated, WARD) + ".title")));
        JsonNode m = measure("2017-18-Q1", code, WARD);
        assertEquals("A version 1 indicator", m.get("title").asText());
        assertEquals("count", m.get("unit").asText());
        assertEquals("lower-is-better", m.get("polarity").asText());
        assertDecimal(new BigDecimal(30), m.get("total"), "a v1 count adds up");
        assertAssessment(Assessment.assess(new Assessment.Basis(Polarity.LOWER_IS_BETTER, Aggregation.SUM, 12, BigDecimal.valueOf(5),
                Map.of()), q, points.stream().map(p -> reading(p[0], p[1], p[2])).toList()), m.get("assessment"));
        assertEquals("green", m.at("/assessment/rag").asText());

        JsonNode none = measure("2017-18-Q1", unrated, WARD);
        assertTrue(none.get("assessment").isNull(), "no polarity, no assessment: " + none);
        assertEquals(3, none.get("periods").size());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The upgrade from version 1: its live generation is written to by this version until the rebuild switches

    /** The read-model tables exactly as version 1 of the projection created them. */
    private static final String VERSION_1_DDL = """
            CREATE TABLE IF NOT EXISTS initiative (
                partnership_id text NOT NULL, initiative_id text NOT NULL, priority int NOT NULL,
                priority_title text NOT NULL, title text NOT NULL, lead_organisation text,
                PRIMARY KEY (partnership_id, initiative_id));
            CREATE TABLE IF NOT EXISTS initiative_progress (
                partnership_id text NOT NULL, initiative_id text NOT NULL, quarter text NOT NULL,
                status text NOT NULL, rag text NOT NULL, commentary text, reported_at timestamptz NOT NULL,
                PRIMARY KEY (partnership_id, initiative_id, quarter));
            CREATE TABLE IF NOT EXISTS indicator (
                partnership_id text NOT NULL, code text NOT NULL, title text NOT NULL, priority int,
                unit text, frequency text, polarity text,
                PRIMARY KEY (partnership_id, code));
            CREATE TABLE IF NOT EXISTS measure (
                partnership_id text NOT NULL, indicator_code text NOT NULL, geography text NOT NULL,
                period text NOT NULL, quarter text, value numeric NOT NULL, status text, source text,
                revision int NOT NULL,
                PRIMARY KEY (partnership_id, indicator_code, geography, period));
            CREATE INDEX IF NOT EXISTS measure_by_quarter ON measure (partnership_id, quarter);
            CREATE TABLE IF NOT EXISTS engagement (
                partnership_id text NOT NULL, engagement_id text NOT NULL, type text NOT NULL, title text NOT NULL,
                date date NOT NULL, quarter text NOT NULL, attendance int,
                PRIMARY KEY (partnership_id, engagement_id));
            CREATE TABLE IF NOT EXISTS engagement_total (
                partnership_id text NOT NULL, quarter text NOT NULL, type text NOT NULL,
                records bigint NOT NULL, attendance bigint NOT NULL,
                PRIMARY KEY (partnership_id, quarter, type))""";

    /** The quarterly projection under another name (its own schemas and lock), at a given version and with given tables. */
    private record Renamed(Projection projection, String name, int version, String ddl) implements Projection {
        @Override
        public List<String> topics() {
            return projection.topics();
        }

        @Override
        public Set<String> appliedTypes() {
            return projection.appliedTypes();
        }

        @Override
        public Set<String> ignoredTypes() {
            return projection.ignoredTypes();
        }

        @Override
        public Uni<Void> apply(SqlConnection tx, List<CloudEvent> events) {
            return projection.apply(tx, events);
        }
    }

    @Inject
    Pool pool;
    @Inject
    DedicatedConnections connections;
    @Inject
    ProjectionConfig config;
    @Inject
    QuarterlyViews views;

    private static CloudEvent event(String type, String stream, long version, Consumer<ObjectNode> change) {
        ObjectNode data = PinnedEvents.pinned(type);
        change.accept(data);
        return new CloudEvent(UUID.randomUUID().toString(), "plan-service", type, stream, version, "stroud", Instant.now(), data);
    }

    private ConsumerSettings settings() {
        return config.settings();
    }

    /** A live generation 1 of the projection {@code name}, as version 1 left it, with two initiatives it applied. */
    private void versionOneGeneration(String name) {
        new ProjectionRunner(new Renamed(projection, name, 1, VERSION_1_DDL), pool, connections.leaderLock("projection:" + name),
                settings()).createTables();
        pool.query("INSERT INTO " + name + "_g1.initiative VALUES "
                        + "('stroud', 'U-1', 9, 'Title from defined.v1', 'Defined by version 1', 'Stroud District Council'), "
                        + "('stroud', 'U-2', 9, 'Title from defined.v1', 'Retired under version 2', 'Stroud District Council')")
                .execute().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void versionTwoAppliesToTheGenerationVersionOneBuiltUntilItsRebuildIsLive() {
        String name = "quarterly_upgrade_a";
        versionOneGeneration(name);
        // what a gateway of version 2 does first at start-up: the tables, and a rebuild asked for (nobody builds it here)
        new ProjectionRunner(new Renamed(projection, name, 2, projection.ddl()), pool, connections.leaderLock("projection:" + name),
                settings()).createTables();

        pool.withTransaction(tx -> tx.preparedQuery("SELECT set_config('search_path', $1, true)").execute(Tuple.of(name + "_g1"))
                        .flatMap(ignored -> projection.apply(tx, List.of(
                                event("plan.initiative.defined.v2", "stroud:initiative:U-3", 1, e -> e.put("initiativeId", "U-3")),
                                event("plan.initiative.retired.v1", "stroud:initiative:U-2", 2, e -> e.put("initiativeId", "U-2")),
                                event("plan.priority.defined.v1", "stroud:priority:1", 1, e -> { })))))
                .await().atMost(Duration.ofSeconds(10));
        QuarterlyView old = views.view(name, "stroud", FinancialQuarter.parse("2019-20-Q3").orElseThrow())
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of("U-3", "U-1"), old.initiatives().stream().map(QuarterlyView.InitiativeProgress::id).toList(),
                "U-2 is retired");
        assertEquals("Aim to reduce and proactively tackle ASB in all its forms.", old.initiatives().get(0).priorityTitle());
        assertEquals("Title from defined.v1", old.initiatives().get(1).priorityTitle());
    }

    /**
     * A generation an earlier version built (its measure table keyed without the source, its indicators without the
     * assessment's columns) is brought to version 4's shape at start-up, as often as a gateway starts, and takes
     * version 4's writes and reads until its rebuild is live: its stored rows stay, a second source and a revision
     * are applied, and its indicators are assessed with version 1's defaults.
     */
    @Test
    void versionFourAppliesToTheGenerationAnEarlierVersionBuiltUntilItsRebuildIsLive() {
        String name = "quarterly_upgrade_c";
        new ProjectionRunner(new Renamed(projection, name, 3, VERSION_1_DDL), pool, connections.leaderLock("projection:" + name),
                settings()).createTables();
        pool.query("INSERT INTO " + name + "_g1.indicator VALUES "
                        + "('stroud', 'OLD-1', 'Stored by version 3', 1, 'count', 'monthly', 'lower-is-better')").execute()
                .flatMap(ignored -> pool.query("INSERT INTO " + name + "_g1.measure VALUES "
                        + "('stroud', 'OLD-1', 'E07000082', '2017-07', '2017/18 Q2', 40, 'provisional', 'police', 1), "
                        + "('stroud', 'OLD-1', 'E07000082', '2016-07', '2016/17 Q2', 50, 'final', 'police', 1)").execute())
                .await().atMost(Duration.ofSeconds(10));
        for (int start = 0; start < 2; start++) { // a gateway of version 4 starts, and starts again
            new ProjectionRunner(new Renamed(projection, name, 4, projection.ddl()), pool, connections.leaderLock("projection:" + name),
                    settings()).createTables();
        }

        pool.withTransaction(tx -> tx.preparedQuery("SELECT set_config('search_path', $1, true)").execute(Tuple.of(name + "_g1"))
                        .flatMap(ignored -> projection.apply(tx, List.of(
                                event("measures.measure.recorded.v1", "stroud:datapoint:OLD-1:E07000082:2017-07:council", 1, e -> e
                                        .put("indicatorCode", "OLD-1").put("period", "2017-07").put("source", "council").put("value", 5)),
                                event("measures.measure.revised.v1", "stroud:datapoint:OLD-1:E07000082:2017-07:police", 2, e -> e
                                        .put("indicatorCode", "OLD-1").put("period", "2017-07").put("source", "police").put("value", 42))))))
                .await().atMost(Duration.ofSeconds(10));
        FinancialQuarter q = FinancialQuarter.parse("2017/18 Q2").orElseThrow();
        QuarterlyView old = views.view(name, "stroud", q).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, old.measures().size(), old.measures().toString());
        QuarterlyView.Measure measure = old.measures().getFirst();
        assertEquals(List.of("council", "police"), measure.periods().stream().map(QuarterlyView.Period::source).toList());
        assertEquals(0, new BigDecimal(47).compareTo(measure.total()), "42 revised and 5 from a second source: " + measure);
        assertEquals(QuarterlyView.MeasureAssessment.of(Assessment.assess(new Assessment.Basis(Polarity.LOWER_IS_BETTER,
                Aggregation.SUM, 12, BigDecimal.valueOf(5), Map.of()), q, List.of(reading("2017-07", "police", "42"),
                reading("2017-07", "council", "5"), reading("2016-07", "police", "50")))), measure.assessment());
    }

    /** The end of every partition of the view's topics. */
    private Map<TopicPartition, Long> topicEnds() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(projection.topics()).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    @Test
    void aGatewayOfVersionTwoRebuildsTheGenerationVersionOneBuilt() throws Exception {
        String name = "quarterly_upgrade_b";
        versionOneGeneration(name);
        // version 1 had read every topic to its end
        Map<TopicPartition, Long> ends = topicEnds();
        List<Tuple> offsets = ends.entrySet().stream()
                .map(e -> Tuple.of(e.getKey().topic(), e.getKey().partition(), e.getValue())).toList();
        pool.preparedQuery("INSERT INTO " + name + "_g1.consumer_offset (topic, partition, next_offset) VALUES ($1, $2, $3)")
                .executeBatch(offsets).await().atMost(Duration.ofSeconds(10));
        ProjectionRunner upgraded = new ProjectionRunner(new Renamed(projection, name, 2, projection.ddl()), pool,
                connections.leaderLock("projection:" + name), settings());
        try {
            upgraded.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            ProjectionStatus status = upgraded.status().await().atMost(Duration.ofSeconds(30));
            while (status.live().generation() != 2) {
                assertTrue(System.nanoTime() < deadline, "the rebuild into generation 2 did not finish: " + status);
                Thread.sleep(200);
                status = upgraded.status().await().atMost(Duration.ofSeconds(30));
            }
            assertEquals(2, status.live().projectionVersion());
            assertNull(upgraded.lastError(), "version 2 consumed for generation 1 and rebuilt without failing");
            for (ProjectionStatus.Partition partition : status.live().partitions()) {
                long end = ends.getOrDefault(new TopicPartition(partition.topic(), partition.partition()), 0L);
                assertTrue(partition.appliedOffset() >= end, "the rebuild read as far as version 1 had: " + partition);
            }
            QuarterlyView rebuilt = views.view(name, "stroud", FinancialQuarter.parse("2019-20-Q3").orElseThrow())
                    .await().atMost(Duration.ofSeconds(10));
            assertTrue(rebuilt.initiatives().stream().noneMatch(i -> i.id().startsWith("U-")),
                    "generation 2 is rebuilt from the topics alone: " + rebuilt.initiatives());
        } finally {
            upgraded.stop();
        }
    }

    /** A hash of the views of these quarters as the API answers them, with their engagement record counts. */
    private static String views(List<String> quarters) throws java.security.NoSuchAlgorithmException {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        StringBuilder records = new StringBuilder();
        for (String quarter : quarters) {
            String body = given().auth().oauth2(Tokens.user("viewer")).when().get("/api/views/quarterly/" + quarter)
                    .then().statusCode(200).extract().asString();
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            records.append(io.restassured.path.json.JsonPath.from(body).getInt("engagement.records")).append(' ');
        }
        return records + "records, sha-256 " + java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static int liveGeneration() {
        return given().auth().oauth2(Tokens.user("coordinator")).when().get("/api/admin/projections/status")
                .then().statusCode(200).extract().jsonPath().getInt("[0].live.generation");
    }

    private static JsonPath awaitStatus(Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = given().auth().oauth2(Tokens.user("coordinator")).when().get("/api/admin/projections/status")
                    .then().statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail("The status never met the condition; last seen: " + (last == null ? null : last.prettify()));
        return null;
    }
}
