package org.csp.gateway.quarterly;

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
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.projection.ConsumerSettings;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.csp.gateway.projection.ProjectionConfig;
import org.csp.infrastructure.RepoRoot;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            String measure = "stroud:datapoint:ASB-INCIDENTS:E07000082:2022-08";
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, e -> e.put("period", "2022-08")));
            events.publish(workshop);
            events.publish(engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 9, 30), "survey", 0));
            // a correction: revision 2 replaces the value; an old revision published again changes nothing
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 2,
                    e -> e.put("period", "2022-08").put("value", 14).put("revision", 2).put("status", "final")));
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, e -> e.put("period", "2022-08")));
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
        return awaitStatus(s -> {
            List<Long> lags = s.getList("[0].live.partitions.findAll { it.topic == 'plan.events' }.lag", Long.class);
            List<Long> ends = s.getList("[0].live.partitions.findAll { it.topic == 'plan.events' }.endOffset", Long.class);
            return ends.stream().mapToLong(Long::longValue).sum() > 0 && lags.stream().allMatch(lag -> lag == 0);
        });
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
        Path pinned = RepoRoot.find().resolve("plan-service/src/test/resources/events");
        List<String> types;
        try (Stream<Path> files = Files.list(pinned)) {
            types = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
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
        try (Stream<Path> files = Files.list(RepoRoot.find().resolve("engagement-service/src/test/resources/events"))) {
            List<String> types = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
            assertTrue(types.contains("engagement.review.closed.v1"), "engagement-service's pinned events: " + types);
            for (String type : types) {
                assertTrue(projection.appliedTypes().contains(type) || projection.ignoredTypes().contains(type),
                        type + " would be parked: the quarterly view neither applies nor ignores it");
            }
        }
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
        return new ConsumerSettings(config.bootstrapServers(), config.maxBatch(), config.pollTimeout(), config.standbyRetry(),
                config.gapReportAfter(), config.topicPartitions());
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

    /** The end of every partition of the view's topics. */
    private Map<TopicPartition, Long> topicEnds() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(config.topics()).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
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
