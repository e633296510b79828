package org.csp.gateway.quarterly;

import static io.restassured.RestAssured.given;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitStatus;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitView;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.engagement;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.reading;
import static org.csp.gateway.quarterly.QuarterlyViewSupport.settledView;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Assessment;
import org.csp.assessment.AssessmentView;
import org.csp.assessment.Polarity;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.EventTopics;
import org.csp.eventsourcing.leadership.DedicatedConnections;
import org.csp.eventsourcing.projection.ConsumerSettings;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.eventsourcing.projection.ProjectionStatus;
import org.csp.eventsourcing.projection.hosting.ProjectionConfig;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * The quarterly view as a whole, against a real broker and database: the services' pinned events become the view,
 * exactly once; a rebuild never blanks the view; a record that cannot be read is parked and the view goes on; a
 * generation an earlier version built keeps working until the rebuild a new version asks for replaces it; the view's
 * problems. Each test uses quarters of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class QuarterlyViewTest {

    @Test
    void theServicesEventsMakeTheQuarterlyViewEachCountedOnce() throws Exception {
        ProducerRecord<String, byte[]> workshop =
                engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 8, 14), "workshop", 25);
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record("plan.initiative.defined.v1", "stroud:initiative:P1-03", 1, e -> {}));
            events.publish(PinnedEvents.record(
                    "plan.initiative.updated.v1", "stroud:initiative:P1-03", 2, e -> e.put("quarter", "2022/23 Q2")));
            events.publish(
                    PinnedEvents.record("measures.indicator.defined.v1", "stroud:indicator:ASB-INCIDENTS", 1, e -> {}));
            String measure = "stroud:datapoint:ASB-INCIDENTS:E07000082:2022-08:gloucestershire-constabulary";
            Consumer<ObjectNode> august = e -> e.put("indicatorCode", "ASB-INCIDENTS")
                    .put("geography", "E07000082")
                    .put("period", "2022-08")
                    .put("source", "gloucestershire-constabulary")
                    .put("value", 12);
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, august));
            events.publish(workshop);
            events.publish(engagement("q-" + UUID.randomUUID(), LocalDate.of(2022, 9, 30), "survey", 0));
            // a correction: revision 2 replaces the value; an old revision published again changes nothing
            events.publish(PinnedEvents.record(
                    "measures.measure.recorded.v1",
                    measure,
                    2,
                    august.andThen(e -> e.put("value", 14).put("revision", 2).put("status", "final"))));
            events.publish(PinnedEvents.record("measures.measure.recorded.v1", measure, 1, august));
        }

        JsonPath view = awaitView(
                "/api/views/quarterly/2022-23-Q2",
                v -> v.getInt("engagement.records") == 2 && Integer.valueOf(14).equals(v.get("measures[0].total")));
        assertEquals("2022/23 Q2", view.getString("quarter"));
        assertEquals("2022-07-01", view.getString("from"));
        assertEquals("on-track", view.getString("initiatives.find { it.id == 'P1-03' }.status"));
        assertEquals("CCTV deployed", view.getString("initiatives.find { it.id == 'P1-03' }.commentary"));
        assertEquals(
                "Tackle ASB",
                view.getString("initiatives.find { it.id == 'P1-03' }.priorityTitle"),
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
        JsonPath settled = settledView("/api/views/quarterly/2022-23-Q2");
        assertEquals(25, settled.getInt("engagement.attendance"), "the republished workshop is counted once");
        assertEquals(2, settled.getInt("engagement.records"));
    }

    @Test
    void aRebuildNeverBlanksTheViewAndEndsWithAnEqualOne() throws Exception {
        int records = 4000;
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            batch.add(engagement(
                    "r-" + UUID.randomUUID(),
                    LocalDate.of(2021, 4, 1).plusDays(i % 365),
                    i % 3 == 0 ? "survey" : "workshop",
                    i % 50));
        }
        try (PinnedEvents events = new PinnedEvents()) {
            events.publishAll(batch);
        }
        List<String> quarters = List.of("2021-22-Q1", "2021-22-Q2", "2021-22-Q3", "2021-22-Q4");
        awaitView(
                "/api/views/quarterly/2021-22-Q4",
                v -> quarters.stream()
                                .mapToInt(q -> Api.as(Tokens.user("viewer"))
                                        .get("/api/views/quarterly/" + q)
                                        .jsonPath()
                                        .getInt("engagement.records"))
                                .sum()
                        == records);
        String before = views(quarters);
        int generation = liveGeneration();

        Api.post(Tokens.user("viewer"), "/api/admin/projections/rebuild").statusCode(403);
        Api.post(Tokens.user("coordinator"), "/api/admin/projections/rebuild").statusCode(403);
        Api.post(Tokens.user("admin"), "/api/admin/projections/rebuild")
                .statusCode(202)
                .body("[0].generation", equalTo(generation + 1));
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
        Api.post(Tokens.user("admin"), "/api/admin/projections/quarterly/rebuild")
                .statusCode(202)
                .body("[0].generation", equalTo(generation + 2));
        awaitStatus(s -> s.getInt("[0].live.generation") == generation + 2);
        assertEquals(before, views(quarters));
    }

    @Test
    void aRecordThatCannotBeReadIsParkedAndTheViewGoesOn() throws Exception {
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(new ProducerRecord<>(
                    "engagement.events", "garbage", "not json at all".getBytes(StandardCharsets.UTF_8)));
            events.publish(PinnedEvents.record(
                    "engagement.activity.recorded.v1", "stroud:engagement:no-date", 1, e -> e.remove("date")));
            events.publish(engagement("p-" + UUID.randomUUID(), LocalDate.of(2020, 5, 5), "workshop", 7));
        }
        awaitView(
                "/api/views/quarterly/2020-21-Q1",
                v -> v.getInt("engagement.records") == 1 && v.getInt("engagement.attendance") == 7);
        JsonPath status = awaitStatus(s -> s.getInt("[0].live.parkedCount") >= 2);
        List<String> reasons = status.getList("[0].live.parked.reason");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_specversion is missing")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'date'")), reasons.toString());
        assertEquals("quarterly", status.getString("[0].projection"));
        assertEquals("leader", status.getString("[0].role"));
        Api.get(Tokens.user("viewer"), "/api/admin/projections/status").statusCode(403);
        given().when()
                .get("/q/health/well")
                .then()
                .statusCode(503)
                .body(
                        "checks.find { it.name == 'projection-problems' }.data.'quarterly.parked'",
                        equalTo(reasons.size()));
    }

    @Test
    void theViewNeedsAToken() {
        given().when().get("/api/views/quarterly/2024-25-Q2").then().statusCode(401);
        given().when().get("/api/admin/projections/status").then().statusCode(401);
    }

    @Test
    void anUnknownQuarterIsAProblem() {
        assertViewerGetsProblem("/api/views/quarterly/2024-Q2", 400, "invalid-quarter");
    }

    @Test
    void anUnreachableServiceIsABadGatewayProblem() {
        assertViewerGetsProblem("/api/initiatives", 502, "upstream-unavailable");
        given().when().get("/api/initiatives").then().statusCode(401);
    }

    /** A viewer's GET of {@code path} is a problem of {@code status} whose type is {@code urn:csp:problem:<type>}. */
    private static void assertViewerGetsProblem(String path, int status, String type) {
        Api.get(Tokens.user("viewer"), path)
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:" + type));
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
    QuarterlyViewProjection projection;

    @Inject
    QuarterlyViews views;

    private static CloudEvent event(String type, String stream, long version, Consumer<ObjectNode> change) {
        ObjectNode data = PinnedEvents.pinned(type);
        change.accept(data);
        return new CloudEvent(
                UUID.randomUUID().toString(), "plan-service", type, stream, version, "stroud", Instant.now(), data);
    }

    private ConsumerSettings settings() {
        return config.settings(Map.of());
    }

    /** The quarterly projection under {@code name}, at {@code version} and with the tables {@code ddl} creates. */
    private ProjectionRunner runner(String name, int version, String ddl) {
        return new ProjectionRunner(
                new Renamed(projection, name, version, ddl),
                pool,
                connections.leaderLock("projection:" + name),
                settings());
    }

    /** Applies {@code events} in one transaction to generation 1 of the projection {@code name}. */
    private void applyInGenerationOne(String name, List<CloudEvent> events) {
        pool.withTransaction(tx -> tx.preparedQuery("SELECT set_config('search_path', $1, true)")
                        .execute(Tuple.of(name + "_g1"))
                        .flatMap(ignored -> projection.apply(tx, events)))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    /** A live generation 1 of the projection {@code name}, as version 1 left it, with two initiatives it applied. */
    private void versionOneGeneration(String name) {
        runner(name, 1, VERSION_1_DDL).createTables();
        pool.query(
                        "INSERT INTO " + name + "_g1.initiative VALUES "
                                + "('stroud', 'U-1', 9, 'Title from defined.v1', 'Defined by version 1', 'Stroud District Council'), "
                                + "('stroud', 'U-2', 9, 'Title from defined.v1', 'Retired under version 2', 'Stroud District Council')")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    @Test
    void versionTwoAppliesToTheGenerationVersionOneBuiltUntilItsRebuildIsLive() {
        String name = "quarterly_upgrade_a";
        versionOneGeneration(name);
        // what a gateway of version 2 does first at start-up: the tables, and a rebuild asked for (nobody builds it
        // here)
        runner(name, 2, projection.ddl()).createTables();

        applyInGenerationOne(
                name,
                List.of(
                        event(
                                "plan.initiative.defined.v2",
                                "stroud:initiative:U-3",
                                1,
                                e -> e.put("initiativeId", "U-3")),
                        event(
                                "plan.initiative.retired.v1",
                                "stroud:initiative:U-2",
                                2,
                                e -> e.put("initiativeId", "U-2")),
                        event("plan.priority.defined.v1", "stroud:priority:1", 1, e -> {})));
        QuarterlyView old = views.view(
                        name, "stroud", FinancialQuarter.parse("2019-20-Q3").orElseThrow())
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(
                List.of("U-3", "U-1"),
                old.initiatives().stream()
                        .map(QuarterlyView.InitiativeProgress::id)
                        .toList(),
                "U-2 is retired");
        assertEquals(
                "Aim to reduce and proactively tackle ASB in all its forms.",
                old.initiatives().get(0).priorityTitle());
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
        runner(name, 3, VERSION_1_DDL).createTables();
        pool.query("INSERT INTO " + name + "_g1.indicator VALUES "
                        + "('stroud', 'OLD-1', 'Stored by version 3', 1, 'count', 'monthly', 'lower-is-better')")
                .execute()
                .flatMap(ignored -> pool.query("INSERT INTO " + name + "_g1.measure VALUES "
                                + "('stroud', 'OLD-1', 'E07000082', '2017-07', '2017/18 Q2', 40, 'provisional', 'police', 1), "
                                + "('stroud', 'OLD-1', 'E07000082', '2016-07', '2016/17 Q2', 50, 'final', 'police', 1)")
                        .execute())
                .await()
                .atMost(Duration.ofSeconds(10));
        for (int start = 0; start < 2; start++) { // a gateway of version 4 starts, and starts again
            runner(name, 4, projection.ddl()).createTables();
        }

        applyInGenerationOne(
                name,
                List.of(
                        event(
                                "measures.measure.recorded.v1",
                                "stroud:datapoint:OLD-1:E07000082:2017-07:council",
                                1,
                                e -> e.put("indicatorCode", "OLD-1")
                                        .put("period", "2017-07")
                                        .put("source", "council")
                                        .put("value", 5)),
                        event(
                                "measures.measure.revised.v1",
                                "stroud:datapoint:OLD-1:E07000082:2017-07:police",
                                2,
                                e -> e.put("indicatorCode", "OLD-1")
                                        .put("period", "2017-07")
                                        .put("source", "police")
                                        .put("value", 42))));
        FinancialQuarter q = FinancialQuarter.parse("2017/18 Q2").orElseThrow();
        QuarterlyView old = views.view(name, "stroud", q).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, old.measures().size(), old.measures().toString());
        QuarterlyView.Measure measure = old.measures().getFirst();
        assertEquals(
                List.of("council", "police"),
                measure.periods().stream().map(QuarterlyView.Period::source).toList());
        assertEquals(
                0, new BigDecimal(47).compareTo(measure.total()), "42 revised and 5 from a second source: " + measure);
        assertEquals(
                AssessmentView.of(Assessment.assess(
                        new Assessment.Basis(
                                Polarity.LOWER_IS_BETTER, Aggregation.SUM, 12, BigDecimal.valueOf(5), Map.of()),
                        q,
                        List.of(
                                reading("2017-07", "police", "42"),
                                reading("2017-07", "council", "5"),
                                reading("2016-07", "police", "50")))),
                measure.assessment());
    }

    /** The end of every partition of the view's topics. */
    private Map<TopicPartition, Long> topicEnds() throws Exception {
        try (Admin admin = Admin.create(settings().kafka().config(Map.of()))) {
            return EventTopics.ends(admin, projection.topics(), 10);
        }
    }

    @Test
    void aGatewayOfVersionTwoRebuildsTheGenerationVersionOneBuilt() throws Exception {
        String name = "quarterly_upgrade_b";
        versionOneGeneration(name);
        // version 1 had read every topic to its end
        Map<TopicPartition, Long> ends = topicEnds();
        List<Tuple> offsets = ends.entrySet().stream()
                .map(e -> Tuple.of(e.getKey().topic(), e.getKey().partition(), e.getValue()))
                .toList();
        pool.preparedQuery("INSERT INTO " + name
                        + "_g1.consumer_offset (topic, partition, next_offset) VALUES ($1, $2, $3)")
                .executeBatch(offsets)
                .await()
                .atMost(Duration.ofSeconds(10));
        ProjectionRunner upgraded = runner(name, 2, projection.ddl());
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
            QuarterlyView rebuilt = views.view(
                            name, "stroud", FinancialQuarter.parse("2019-20-Q3").orElseThrow())
                    .await()
                    .atMost(Duration.ofSeconds(10));
            assertTrue(
                    rebuilt.initiatives().stream().noneMatch(i -> i.id().startsWith("U-")),
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
            String body = Api.get(Tokens.user("viewer"), "/api/views/quarterly/" + quarter)
                    .statusCode(200)
                    .extract()
                    .asString();
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            records.append(io.restassured.path.json.JsonPath.from(body).getInt("engagement.records"))
                    .append(' ');
        }
        return records + "records, sha-256 " + java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static int liveGeneration() {
        return Api.get(Tokens.user("admin"), "/api/admin/projections/status")
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("[0].live.generation");
    }
}
