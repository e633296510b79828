package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.csp.geography.GeographyFile;
import org.csp.infrastructure.RepoRoot;
import org.csp.infrastructure.TopicReader;
import org.csp.testing.Marker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as deploy/run starts it (real PostgreSQL, Kafka, Keycloak and the four packaged services), with
 * as many instances of each service and the gateway as the Kubernetes manifests run (two), each set behind one
 * address as behind a Service, driven through the gateway with real tokens.
 */
class EndToEndTest {

    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void start() {
        stack = TestStacks.start();
        assertTrue(TestStacks.manifestReplicas() >= 2, "the manifests run two or more of each");
        gateway = stack.url("gateway");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String user(String name) {
        return stack.keycloak().userToken(name);
    }

    private static JsonNode awaitView(String quarter, Predicate<JsonNode> condition, Duration timeout)
            throws InterruptedException {
        String viewer = user("viewer");
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Api.Reply reply = Api.get(gateway + "/api/views/quarterly/" + quarter, viewer);
            if (reply.status() == 200) {
                last = reply.json();
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        fail("The view of " + quarter + " did not get there in " + timeout.toSeconds() + " s; last: " + last);
        return null;
    }

    private static JsonNode initiative(JsonNode view, String id) {
        for (JsonNode node : view.get("initiatives")) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        return null;
    }

    @Test
    void progressPostedThroughTheGatewayReachesTheQuarterlyView() throws Exception {
        String coordinator = user("coordinator");
        Api.Reply list = Api.get(gateway + "/api/initiatives", coordinator);
        assertEquals(200, list.status());
        assertEquals(34, list.json().size());

        String commentary = "CCTV at four events " + Marker.next();
        Api.Reply posted = Api.post(
                gateway + "/api/initiatives/P1-03/progress",
                coordinator,
                "{\"quarter\": \"2024/25 Q2\", \"status\": \"on-track\", \"rag\": \"green\", \"commentary\": \""
                        + commentary + "\"}");
        assertEquals(200, posted.status(), posted.body());

        JsonNode view = awaitView(
                "2024-25-Q2",
                v -> commentary.equals(initiative(v, "P1-03").path("commentary").asText()),
                Duration.ofSeconds(5));
        assertEquals("on-track", initiative(view, "P1-03").get("status").asText());

        ConsumerRecord<String, byte[]> record = TopicReader.await(
                stack.kafkaBootstrap(),
                "plan.events",
                "stroud:initiative:P1-03",
                r -> TopicReader.value(r).contains(commentary),
                Duration.ofSeconds(15));
        assertNotNull(record, "the update is on plan.events");
        assertEquals("plan.initiative.updated.v2", TopicReader.header(record, "ce_type"));
        assertEquals("plan-service", TopicReader.header(record, "ce_source"));
        assertEquals("stroud:initiative:P1-03", TopicReader.header(record, "ce_subject"));
        assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
        assertNotNull(TopicReader.header(record, "ce_id"));
        assertNotNull(TopicReader.header(record, "ce_time"));
    }

    /** The whole plan in one read, as the seed plan file has it: the five priorities' full titles and their content. */
    @Test
    void theViewerReadsThePlanTreeThroughTheGateway() throws Exception {
        Api.Reply reply = Api.get(gateway + "/api/plans/stroud-2023-2026", user("viewer"));
        assertEquals(200, reply.status(), reply.body());
        assertNotNull(reply.header("ETag"), "a read of one aggregate carries its version");
        JsonNode tree = reply.json();
        JsonNode seed = seedPlan();
        assertEquals(5, tree.get("priorities").size(), tree.toString());
        for (int i = 0; i < 5; i++) {
            JsonNode expected = seed.get("priorities").get(i);
            JsonNode priority = tree.get("priorities").get(i);
            assertEquals(expected.get("number").asInt(), priority.get("number").asInt());
            assertEquals(expected.get("title").asText(), priority.get("title").asText(), "the full title");
        }
        String text = tree.toString();
        for (String content : List.of("SOLACE", "mobile CCTV", "Channel", "County Lines", "community payback")) {
            assertTrue(text.contains(content), "the tree holds the plan's '" + content + "'");
        }
    }

    /** The plan file plan-service imports at its first start. */
    private static JsonNode seedPlan() throws java.io.IOException {
        return Api.JSON.readTree(RepoRoot.find()
                .resolve("plan-service/src/main/resources/seed/stroud-district-2023-2026.json")
                .toFile());
    }

    /**
     * plan-service's own events (initiatives v2, priorities, objectives, reviews …) reach the gateway's quarterly view:
     * the same initiatives as the plan, each with its priority's title, and no plan event parked.
     */
    @Test
    void theQuarterlyViewHasThePlansInitiativesWithTheirPriorityTitles() throws Exception {
        String viewer = user("viewer");
        List<String> planned = new java.util.ArrayList<>();
        Api.get(gateway + "/api/initiatives", viewer)
                .json()
                .forEach(i -> planned.add(i.get("id").asText()));
        String firstTitle = seedPlan().get("priorities").get(0).get("title").asText();
        JsonNode view = awaitView(
                "2025-26-Q3",
                v -> {
                    List<String> shown = new java.util.ArrayList<>();
                    v.get("initiatives").forEach(i -> shown.add(i.get("id").asText()));
                    return shown.containsAll(planned) && planned.containsAll(shown);
                },
                Duration.ofSeconds(30));
        assertEquals(firstTitle, initiative(view, "P1-03").path("priorityTitle").asText(), view.toString());
        for (JsonNode i : view.get("initiatives")) {
            assertTrue(i.path("priorityTitle").isTextual(), "every initiative has its priority's title: " + i);
        }

        assertAppliedAndNoneParked("plan.events");
    }

    /** The gateway's quarterly view has read every event of {@code topic} and parked none of them. */
    private static void assertAppliedAndNoneParked(String topic) throws InterruptedException {
        String administrator = user("admin");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode live;
        while (true) {
            live = Api.get(gateway + "/api/admin/projections/status", administrator)
                    .json()
                    .get(0)
                    .get("live");
            boolean applied = true;
            for (JsonNode partition : live.get("partitions")) {
                applied &= !partition.get("topic").asText().equals(topic)
                        || partition.get("lag").asLong() == 0;
            }
            if (applied) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, topic + " not applied: " + live);
            Thread.sleep(200);
        }
        for (JsonNode parked : live.get("parked")) {
            assertTrue(!parked.get("topic").asText().equals(topic), "an event of " + topic + " was parked: " + parked);
        }
    }

    /**
     * Cotswold's coordinator imports Cotswold's own catalogue file through the gateway: its indicators are defined as
     * one revision beside the county core set, the same file again changes nothing, Stroud's coordinator does not see
     * them, a file of Stroud is refused, and the gateway's view reads the revision without parking it.
     */
    @Test
    void anotherPartnershipsCoordinatorImportsItsCatalogueThroughTheGateway() throws Exception {
        String cotswold = user("cotswold-coordinator");
        String code = "COTSWOLD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String file = """
                {"format":"csp-indicators/2","source":"Cotswold District CSP plan, measures of success",
                 "partnership":"%s","notes":["A monthly count, reported by the district council."],
                 "organisations":[{"id":"cotswold-district-council","name":"Cotswold District Council"}],
                 "indicators":[{"code":"%s","title":"Fly-tipping incidents","priority":1,"unit":"count",
                   "frequency":"monthly","polarity":"lower-is-better","sources":["cotswold-district-council"]}]}""";
        Api.Reply imported = Api.post(gateway + "/api/indicators/import", cotswold, file.formatted("cotswold", code));
        assertEquals(200, imported.status(), imported.body());
        assertEquals(List.of(code), Api.JSON.convertValue(imported.json().get("defined"), List.class));
        int revision = imported.json().get("revision").asInt();
        assertTrue(revision >= 1, imported.body());

        Api.Reply again = Api.post(gateway + "/api/indicators/import", cotswold, file.formatted("cotswold", code));
        assertEquals(200, again.status(), again.body());
        assertEquals(false, again.json().get("changed").asBoolean(), again.body());
        assertEquals(revision, again.json().get("revision").asInt(), again.body());

        List<String> codes = new ArrayList<>();
        Api.get(gateway + "/api/indicators", cotswold)
                .json()
                .forEach(i -> codes.add(i.get("code").asText()));
        assertTrue(codes.containsAll(List.of(code, "RECORDED-CRIME")), codes.toString());
        Api.Reply revisions = Api.get(gateway + "/api/indicators/revisions", cotswold);
        assertEquals(200, revisions.status(), revisions.body());
        assertEquals(
                revision,
                revisions
                        .json()
                        .get(revisions.json().size() - 1)
                        .get("revision")
                        .asInt());
        assertEquals(
                404,
                Api.get(gateway + "/api/indicators/" + code, user("coordinator"))
                        .status());

        Api.Reply theirs =
                Api.post(gateway + "/api/indicators/import", cotswold, file.formatted("stroud", code + "-X"));
        assertEquals(403, theirs.status(), theirs.body());
        assertTrue(theirs.contentType().startsWith("application/problem+json"), theirs.contentType());

        assertAppliedAndNoneParked("measures.events");
    }

    /**
     * The coordinator opens the review of a quarter, gets where it lives and its version, closes it naming that
     * version; the quarter's progress is frozen from then on.
     */
    @Test
    void aClosedQuarterlyReviewFreezesTheQuartersProgress() {
        String coordinator = user("coordinator");
        Api.Reply opened = Api.post(gateway + "/api/reviews", coordinator, "{\"quarter\": \"2025/26 Q1\"}");
        assertEquals(201, opened.status(), opened.body());
        assertEquals("/api/reviews/2025-26-Q1", opened.header("Location"));
        String etag = opened.header("ETag");
        assertNotNull(etag, "the new review's version");

        Api.Reply closed = Api.send(
                "POST", gateway + "/api/reviews/2025-26-Q1/close", coordinator, Map.of("If-Match", etag), null);
        assertEquals(200, closed.status(), closed.body());
        assertEquals("closed", closed.json().path("status").asText(), closed.body());

        Api.Reply late = Api.post(
                gateway + "/api/initiatives/P1-03/progress",
                coordinator,
                "{\"quarter\": \"2025/26 Q1\", \"status\": \"on-track\", \"rag\": \"green\", \"commentary\": \"late\"}");
        assertEquals(409, late.status(), late.body());
        assertTrue(late.contentType().startsWith("application/problem+json"), late.contentType());
    }

    /** A JSON merge patch crosses the gateway with its precondition: a stale one is 412, a missing one 428. */
    @Test
    void anAmendmentNeedsTheCurrentVersion() {
        String coordinator = user("coordinator");
        String url = gateway + "/api/initiatives/P1-04";
        Api.Reply stale = Api.send(
                "PATCH",
                url,
                coordinator,
                Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"999\""),
                "{\"resources\": \"x\"}");
        assertEquals(412, stale.status(), stale.body());
        assertTrue(stale.contentType().startsWith("application/problem+json"), stale.contentType());

        Api.Reply unconditional = Api.send(
                "PATCH",
                url,
                coordinator,
                Map.of("Content-Type", "application/merge-patch+json"),
                "{\"resources\": \"x\"}");
        assertEquals(428, unconditional.status(), unconditional.body());
        assertTrue(unconditional.contentType().startsWith("application/problem+json"), unconditional.contentType());
    }

    /** The demo user {@code lead} leads priority 1 (token claim priorities=["1"]): they report on it, and on no other. */
    @Test
    void aPriorityLeadReportsOnTheirOwnPriorityOnly() {
        String lead = user("lead");
        String body =
                "{\"quarter\": \"2025/26 Q2\", \"status\": \"on-track\", \"rag\": \"green\", \"commentary\": \"lead\"}";
        Api.Reply other = Api.post(gateway + "/api/initiatives/P2-01/progress", lead, body);
        assertEquals(403, other.status(), other.body());
        assertTrue(other.contentType().startsWith("application/problem+json"), other.contentType());
        Api.Reply own = Api.post(gateway + "/api/initiatives/P1-01/progress", lead, body);
        assertEquals(200, own.status(), own.body());
    }

    /**
     * Through the gateway: a workshop record is accepted; free text with an e-mail address, a mobile number or a full
     * postcode is a 422 problem and nothing is stored; case reviews are listed for an engagement officer and refused
     * to a partner agency.
     */
    @Test
    void engagementRecordsRefusePersonalDataAndCaseReviewsAreForOfficersOnly() {
        String officer = user("engagement");
        String workshop = "{\"type\": \"workshop\", \"title\": \"%s\", \"date\": \"2024-08-14\", \"outcomes\": \"%s\"}";
        String marker = "e2e " + Marker.next();
        Api.Reply accepted = Api.post(
                gateway + "/api/engagements",
                officer,
                workshop.formatted("Workshop " + marker, "Checklist handed out"));
        assertEquals(201, accepted.status(), accepted.body());
        for (String outcomes : List.of("Contact jo@example.org", "Call 07700 900123", "Meet at GL5 4UB")) {
            Api.Reply refused =
                    Api.post(gateway + "/api/engagements", officer, workshop.formatted("Refused " + marker, outcomes));
            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        }
        Api.Reply list = Api.get(gateway + "/api/engagements?quarter=2024-25-Q2", user("viewer"));
        assertTrue(
                list.body().contains("Workshop " + marker) && !list.body().contains("Refused " + marker), list.body());

        Api.Reply received = Api.post(
                gateway + "/api/case-reviews",
                officer,
                "{\"caseReference\": \"ASB-CR-E2E-1\", \"receivedOn\": \"2024-09-02\"}");
        assertEquals(201, received.status(), received.body());
        Api.Reply forOfficer = Api.get(gateway + "/api/case-reviews", officer);
        assertEquals(200, forOfficer.status(), forOfficer.body());
        assertTrue(forOfficer.body().contains("ASB-CR-E2E-1"), forOfficer.body());
        Api.Reply forPartner =
                Api.get(gateway + "/api/case-reviews", stack.keycloak().clientToken("police-gloucestershire"));
        assertEquals(403, forPartner.status(), forPartner.body());
        assertTrue(forPartner.contentType().startsWith("application/problem+json"), forPartner.contentType());
    }

    @Test
    void aPartnerAgencyPostsAMeasureThatTheViewShows() throws Exception {
        String police = stack.keycloak().clientToken("police-gloucestershire");
        Api.Reply posted = Api.post(
                gateway + "/api/indicators/ASB-INCIDENTS/data-points",
                police,
                "{\"period\": \"2024-08\", \"geography\": \"E07000082\", \"value\": 12}");
        assertEquals(201, posted.status(), posted.body());
        JsonNode view = awaitView(
                "2024-25-Q2",
                v -> {
                    for (JsonNode measure : v.get("measures")) {
                        if (measure.get("indicator").asText().equals("ASB-INCIDENTS")) {
                            return measure.get("total").asInt() == 12;
                        }
                    }
                    return false;
                },
                Duration.ofSeconds(5));
        assertTrue(view.get("measures").size() >= 1);
    }

    /**
     * Through the gateway, a partner agency posts figures only as its own organisation: the police naming the district
     * council as the source is refused (403 problem), and a Stroud-only client naming another partnership never
     * reaches the service.
     */
    @Test
    void aPartnerAgencyCannotPostForAnotherOrganisationOrPartnership() {
        String police = stack.keycloak().clientToken("police-gloucestershire");
        Api.Reply asOther = Api.post(
                gateway + "/api/indicators/ASB-INCIDENTS/data-points?partnership=stroud",
                police,
                "{\"period\": \"2024-09\", \"geography\": \"E07000082\", \"value\": 3,"
                        + " \"source\": \"stroud-district-council\"}");
        assertEquals(403, asOther.status(), asOther.body());
        assertTrue(asOther.contentType().startsWith("application/problem+json"), asOther.contentType());
        Api.Reply elsewhere = Api.post(
                gateway + "/api/indicators/ASB-INCIDENTS/data-points?partnership=cheltenham",
                stack.keycloak().clientToken("stroud-district-council"),
                "{\"period\": \"2024-09\", \"geography\": \"E07000078\", \"value\": 3}");
        assertEquals(403, elsewhere.status(), elsewhere.body());
        assertTrue(elsewhere.body().contains("urn:csp:problem:other-partnership"), elsewhere.body());
    }

    /**
     * The county analyst saves the iQuanta mapping of docs/examples and imports its sample export through the gateway:
     * a comparator per row for each district, an export with one unknown area refused whole, and Stroud's quarter
     * placed in its family group.
     */
    @Test
    void aComparatorSourcesSampleExportIsImportedThroughTheGateway() throws Exception {
        String analyst = stack.keycloak().clientToken("safer-gloucestershire");
        Path examples = RepoRoot.find().resolve("docs/examples");
        Api.Reply saved = Api.send(
                "PUT",
                gateway + "/api/comparator-sources/iquanta",
                analyst,
                Map.of("Content-Type", "application/json"),
                java.nio.file.Files.readString(examples.resolve("iquanta-mapping.json")));
        assertEquals(201, saved.status(), saved.body());
        assertEquals("safer-gloucestershire", saved.json().get("scope").asText());
        byte[] export = java.nio.file.Files.readAllBytes(examples.resolve("iquanta-export.csv"));
        Map<String, String> csv = Map.of("Content-Type", "text/csv");
        Api.Reply imported =
                Api.sendBytes("POST", gateway + "/api/comparator-sources/iquanta/imports", analyst, csv, export);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(12, imported.json().get("recorded").asInt());

        byte[] unknown = (new String(export, java.nio.charset.StandardCharsets.UTF_8)
                        + "Bristol,2023-09,1,4.10,4.50,3.80,5.20,4,15\n")
                .replace("3.71", "3.70")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Reply refused =
                Api.sendBytes("POST", gateway + "/api/comparator-sources/iquanta/imports", analyst, csv, unknown);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals(13, refused.json().get("errors").get(0).get("row").asInt());
        assertEquals(
                "Area Name", refused.json().get("errors").get(0).get("field").asText());

        String viewer = user("viewer");
        JsonNode august = null;
        for (JsonNode c : Api.get(gateway + "/api/indicators/RECORDED-CRIME/comparators", viewer)
                .json()) {
            if (c.get("period").asText().equals("2023-08")) {
                august = c;
            }
        }
        assertNotNull(august, "Stroud's August comparator");
        assertEquals("3.71", august.get("value").asText(), "the refused export changed nothing");
        assertEquals("iquanta", august.get("source").asText());
        assertEquals(1, august.get("revision").asInt());
        JsonNode crime = null;
        for (JsonNode a :
                Api.get(gateway + "/api/assessments/2023-24-Q2", viewer).json()) {
            if (a.get("indicator").asText().equals("RECORDED-CRIME")) {
                crime = a;
            }
        }
        assertNotNull(crime);
        assertEquals("below", crime.get("familyGroup").get("position").asText());
        assertEquals("better", crime.get("familyGroup").get("reading").asText());
    }

    /** RECORDED-CRIME rows: the district in 2023/24 Q2 (40 a month) and 2024/25 Q2 (30 a month), and 94 ward rows. */
    private static List<String> hundredRows() {
        List<String> rows = new ArrayList<>();
        for (String month : List.of("2023-07", "2023-08", "2023-09")) {
            rows.add("{\"indicator\":\"RECORDED-CRIME\",\"period\":\"" + month
                    + "\",\"geography\":\"E07000082\",\"value\":40}");
        }
        for (String month : List.of("2024-07", "2024-08", "2024-09")) {
            rows.add("{\"indicator\":\"RECORDED-CRIME\",\"period\":\"" + month
                    + "\",\"geography\":\"E07000082\",\"value\":30}");
        }
        for (int ward = 0; rows.size() < 100; ward++) {
            for (int month = 4; month <= 12 && rows.size() < 100; month++) {
                rows.add(
                        "{\"indicator\":\"RECORDED-CRIME\",\"period\":\"2023-%02d\",\"geography\":\"E050%05d\",\"value\":%d}"
                                .formatted(month, 13187 + ward, ward + month));
            }
        }
        return rows;
    }

    /**
     * What partner systems do: a 100-row batch as the police client through the gateway is stored once (its replay
     * stores nothing), a batch with one bad row is refused whole, and the quarterly view shows the service's assessment.
     */
    @Test
    void aHundredRowPoliceBatchIsStoredOnceAndTheViewAssessesItAsTheServiceDoes() throws Exception {
        String police = stack.keycloak().clientToken("police-gloucestershire");
        String viewer = user("viewer");
        List<String> rows = hundredRows();
        String body = "[" + String.join(",", rows) + "]";
        String key = UUID.randomUUID().toString();
        Api.Reply first = Api.post(gateway + "/api/data-points/batch", police, body, key);
        assertEquals(200, first.status(), first.body());
        assertEquals(100, first.json().get("recorded").asInt());
        Api.Reply replay = Api.post(gateway + "/api/data-points/batch", police, body, key);
        assertEquals(200, replay.status());
        assertEquals(first.body(), replay.body());
        assertEquals(
                List.of("true"),
                replay.headers().entrySet().stream()
                        .filter(header -> header.getKey().equalsIgnoreCase("Idempotent-Replayed"))
                        .findFirst()
                        .orElseThrow()
                        .getValue());
        assertEquals(
                100,
                Api.post(gateway + "/api/data-points/batch", police, body)
                        .json()
                        .get("unchanged")
                        .asInt());

        List<String> bad = new ArrayList<>(rows);
        bad.set(57, bad.get(57).replaceFirst("\"value\":\\d+", "\"value\":-1"));
        bad.replaceAll(row -> row.replace("\"value\":40", "\"value\":41"));
        Api.Reply refused = Api.post(gateway + "/api/data-points/batch", police, "[" + String.join(",", bad) + "]");
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals(58, refused.json().get("errors").get(0).get("row").asInt());
        assertEquals("value", refused.json().get("errors").get(0).get("field").asText());
        JsonNode july = Api.get(gateway + "/api/indicators/RECORDED-CRIME/data-points/E07000082/2023-07", viewer)
                .json();
        assertEquals(40, july.get("value").asInt(), "the refused batch changed nothing");
        assertEquals(1, july.get("revisions").size());

        JsonNode assessment = null;
        for (JsonNode a :
                Api.get(gateway + "/api/assessments/2024-25-Q2", viewer).json()) {
            if (a.get("indicator").asText().equals("RECORDED-CRIME")) {
                assessment = a;
            }
        }
        assertNotNull(assessment);
        assertEquals(90, assessment.get("value").asInt());
        assertEquals(120, assessment.get("sameTimeLastYear").asInt());
        assertEquals("improving", assessment.get("direction").asText());
        assertEquals("green", assessment.get("rag").asText());
        JsonNode expected = assessment;
        awaitView(
                "2024-25-Q2",
                v -> {
                    for (JsonNode measure : v.get("measures")) {
                        if (measure.get("indicator").asText().equals("RECORDED-CRIME")
                                && measure.get("geography").asText().equals("E07000082")) {
                            JsonNode shown = measure.get("assessment");
                            return shown != null
                                    && !shown.isNull()
                                    && List.of(
                                                    "value",
                                                    "sameTimeLastYear",
                                                    "change",
                                                    "changePercent",
                                                    "rag",
                                                    "direction",
                                                    "trend",
                                                    "period")
                                            .stream()
                                            .allMatch(field -> shown.get(field).equals(expected.get(field)));
                        }
                    }
                    return false;
                },
                Duration.ofSeconds(10));
    }

    /**
     * Issue 17's check: the police post one batch covering all six districts (by ward) and it is accepted; Safer
     * Gloucestershire pulls the county feed as JSON and as CSV with every district's GSS code and its wards' figures
     * added up, gets 304 on its entity tag, and a second pull from its cursor has only the district the police then
     * corrected.
     */
    @Test
    void aCountyWidePoliceBatchReachesSaferGloucestershiresFeed() throws Exception {
        String police = stack.keycloak().clientToken("police-gloucestershire");
        String analyst = stack.keycloak().clientToken("safer-gloucestershire");
        GeographyFile geography = GeographyFile.read(Api.JSON, GeographyFile.RESOURCE);
        List<String> rows = new ArrayList<>();
        for (GeographyFile.District district : geography.districts()) {
            for (int ward = 0; ward < 3; ward++) {
                rows.add("{\"indicator\":\"RECORDED-CRIME\",\"period\":\"2021-05\",\"geography\":\"%s\",\"value\":%d}"
                        .formatted(district.wards().get(ward).code(), ward + 1));
            }
        }
        Api.Reply batch = Api.post(gateway + "/api/data-points/batch", police, "[" + String.join(",", rows) + "]");
        assertEquals(200, batch.status(), batch.body());
        assertEquals(18, batch.json().get("recorded").asInt());

        String feed = gateway + "/api/feeds/county/2021-22-Q1";
        JsonNode json = await(
                feed,
                analyst,
                f -> crimeRows(f).size() == 6
                        && crimeRows(f).stream().allMatch(r -> r.get("value").asInt() == 6));
        List<String> districts =
                geography.districts().stream().map(GeographyFile.District::code).toList();
        assertEquals(
                districts,
                crimeRows(json).stream()
                        .map(r -> r.get("partnershipGss").asText())
                        .toList());
        crimeRows(json).forEach(r -> assertEquals("wards", r.get("figuresFrom").asText(), r.toString()));
        crimeRows(json).forEach(r -> assertEquals(3, r.get("wardsReported").asInt(), r.toString()));

        Api.Reply first = Api.get(feed, analyst);
        String etag = first.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .getFirst();
        assertEquals(
                304,
                Api.send("GET", feed, analyst, Map.of("If-None-Match", etag), null)
                        .status());
        Api.Reply csv = Api.send("GET", feed, analyst, Map.of("Accept", "text/csv"), null);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().toList();
        assertTrue(
                lines.getFirst().startsWith("partnership,partnershipName,partnershipGss,level,geography,"),
                lines.getFirst());
        for (String gss : districts) {
            assertTrue(
                    lines.stream()
                            .anyMatch(l ->
                                    l.contains("," + gss + ",district," + gss + ",") && l.contains(",RECORDED-CRIME,")),
                    gss);
        }

        // the police correct one ward of Tewkesbury: the pull from the cursor has Tewkesbury's row alone
        String cursor = json.get("cursor").asText();
        GeographyFile.District tewkesbury = geography.districts().getLast();
        Api.Reply correction = Api.post(
                gateway + "/api/data-points/batch",
                police,
                "[{\"indicator\":\"RECORDED-CRIME\",\"period\":\"2021-05\",\"geography\":\"%s\",\"value\":10}]"
                        .formatted(tewkesbury.wards().getFirst().code()));
        assertEquals(200, correction.status(), correction.body());
        JsonNode changes =
                await(feed + "?since=" + cursor, analyst, f -> !f.get("rows").isEmpty());
        assertEquals(1, changes.get("rows").size(), changes.toString());
        assertEquals(
                tewkesbury.code(), changes.get("rows").get(0).get("geography").asText());
        assertEquals(15, changes.get("rows").get(0).get("value").asInt());
    }

    private static List<JsonNode> crimeRows(JsonNode feed) {
        List<JsonNode> rows = new ArrayList<>();
        feed.get("rows").forEach(r -> {
            if (r.get("indicator").asText().equals("RECORDED-CRIME")) {
                rows.add(r);
            }
        });
        return rows;
    }

    /** Waits until a GET of {@code url} answers 200 with a body that meets the condition; returns that body. */
    private static JsonNode await(String url, String token, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = Api.get(url, token);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            Thread.sleep(200);
        }
        fail(url + " did not get there; last: " + (last == null ? null : last.status() + " " + last.body()));
        return null;
    }

    /**
     * The gateway is the only way in, for measures-service's own projection too: the indicators it derives from
     * engagement records ({@code derived}) are inspected and rebuilt through the gateway by the administrator alone, and
     * the rebuilt projection counts each record once.
     */
    @Test
    void measuresServicesDerivedProjectionIsInspectedAndRebuiltThroughTheGateway() throws Exception {
        String officer = user("engagement");
        String administrator = user("admin");
        String marker = Marker.next();
        for (int i = 0; i < 2; i++) { // two workshops in a quarter no other test uses
            Api.Reply recorded = Api.post(
                    gateway + "/api/engagements",
                    officer,
                    "{\"type\": \"workshop\", \"title\": \"Derived " + marker + " " + i + "\", \"date\": \"2021-05-1"
                            + i + "\"}");
            assertEquals(201, recorded.status(), recorded.body());
        }
        String workshops = gateway + "/api/indicators/COMMUNITY-WORKSHOPS/data-points?from=2021-22-Q1&to=2021-22-Q1";
        JsonNode counted = await(
                workshops,
                user("viewer"),
                points -> points.size() == 1 && points.get(0).get("value").asInt() == 2);

        String status = gateway + "/api/admin/projections/derived/status";
        // whichever of measures-service's instances answers (its role is its own): the projection has applied all
        JsonNode derived = await(
                status,
                administrator,
                s -> s.get("live").get("lag").asLong() == 0
                        && s.get("live").get("partitions").size() == 3);
        assertEquals("derived", derived.get("projection").asText());
        int generation = derived.get("live").get("generation").asInt();
        Api.Reply refused = Api.get(status, user("viewer"));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(
                403,
                Api.post(gateway + "/api/admin/projections/derived/rebuild", user("viewer"), "")
                        .status());

        assertEquals(
                403,
                Api.post(gateway + "/api/admin/projections/derived/rebuild", user("coordinator"), "")
                        .status(),
                "a partnership's coordinator does not rebuild the platform's projections");
        Api.Reply rebuild = Api.post(gateway + "/api/admin/projections/derived/rebuild", administrator, "");
        assertEquals(202, rebuild.status(), rebuild.body());
        assertEquals(
                "/api/admin/projections/derived/status",
                rebuild.header("Location"),
                "the service's own address stays inside");
        assertEquals(generation + 1, rebuild.json().get(0).get("generation").asInt(), rebuild.body());
        JsonNode rebuilt = await(
                status, administrator, s -> s.get("live").get("generation").asInt() == generation + 1);
        assertEquals(0, rebuilt.get("live").get("lag").asLong(), rebuilt.toString());
        JsonNode points = Api.get(workshops, user("viewer")).json();
        assertEquals(1, points.size(), points.toString());
        assertEquals(2, points.get(0).get("value").asInt(), "counted once after the rebuild: " + points);
        assertEquals(
                counted.get(0).get("revision"), points.get(0).get("revision"), "and not recorded again: " + points);
    }

    @Test
    void theGatewayRefusesWhatItMust() {
        assertEquals(401, Api.get(gateway + "/api/initiatives", null).status());
        assertEquals(
                401, Api.get(gateway + "/api/views/quarterly/2024-25-Q2", null).status());
        Api.Reply viewer = Api.post(
                gateway + "/api/initiatives/P1-01/progress",
                user("viewer"),
                "{\"quarter\": \"2024/25 Q2\", \"status\": \"on-track\", \"rag\": \"green\"}");
        assertEquals(403, viewer.status());
        Api.Reply malformed =
                Api.post(gateway + "/api/initiatives/P1-01/progress", user("coordinator"), "{\"quarter\": ");
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/problem+json"), malformed.contentType());
        Api.Reply invalid =
                Api.post(gateway + "/api/engagements", user("engagement"), "{\"type\": \"party\", \"title\": \"\"}");
        assertEquals(422, invalid.status(), invalid.body());
        assertTrue(invalid.contentType().startsWith("application/problem+json"));
    }

    /** Every request of the hostile corpus gets its problem, never a 5xx, and stores nothing. */
    @Test
    void hostileRequestsAreRefusedWithAProblemAndStoreNothing() {
        String officer = user("engagement");
        int before = Api.get(gateway + "/api/engagements?includeWithdrawn=true", officer)
                .json()
                .size();
        for (HostileRequests.Hostile hostile : HostileRequests.all()) {
            Api.Reply reply = Api.sendBytes(
                    hostile.method(), gateway + hostile.path(), officer, hostile.headers(), hostile.body());
            assertEquals(hostile.status(), reply.status(), hostile.name() + ": " + reply.body());
            assertTrue(
                    reply.contentType().startsWith("application/problem+json"),
                    hostile.name() + ": " + reply.contentType());
            assertEquals(hostile.status(), reply.json().get("status").asInt(), hostile.name());
        }
        assertEquals(
                before,
                Api.get(gateway + "/api/engagements?includeWithdrawn=true", officer)
                        .json()
                        .size(),
                "nothing was stored");
    }

    /**
     * No single write can stop the event flow: the largest engagement record the API accepts (every text at its
     * longest, every organisation of the registry) is stored, published and counted, and so is a normal record after
     * it.
     */
    @Test
    void aNormalRecordAfterTheLargestAcceptedOneReachesTheView() throws Exception {
        String officer = user("engagement");
        List<String> registry = new ArrayList<>();
        Api.get(gateway + "/api/organisations", officer).json().forEach(o -> {
            if (!o.path("retired").asBoolean()) {
                registry.add(o.get("id").asText());
            }
        });
        String largest = Api.JSON.writeValueAsString(Map.of(
                "type", "workshop",
                "title", "L".repeat(200),
                "startDate", "2021-11-02",
                "place", Map.of("name", "P".repeat(200)),
                "leadOrganisation", registry.getFirst(),
                "organisations", registry,
                "audience", "A".repeat(200),
                "attendance", 1_000_000,
                "outcomes", "O".repeat(4000)));
        // engagement-service knows the registry once its registry projection has read plan.events since the start
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Reply stored = Api.post(gateway + "/api/engagements", officer, largest);
        while (stored.status() == 422 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stored = Api.post(gateway + "/api/engagements", officer, largest);
        }
        assertEquals(201, stored.status(), stored.body());
        assertEquals(registry.size(), stored.json().get("organisations").size());
        String normal = "{\"type\": \"workshop\", \"title\": \"After the largest\", \"startDate\": \"2021-11-03\", "
                + "\"attendance\": 7}";
        assertEquals(
                201, Api.post(gateway + "/api/engagements", officer, normal).status());
        JsonNode view =
                awaitView("2021-22-Q3", v -> v.get("engagement").get("records").asInt() == 2, Duration.ofSeconds(30));
        assertEquals(1_000_007, view.get("engagement").get("attendance").asInt(), view.toString());
    }

    /**
     * Engagement records are posted through the gateway while it is killed with SIGKILL and restarted; the client
     * retries with the same Idempotency-Key. The view must count every record exactly once.
     */
    @Test
    void aKilledGatewayCountsEveryEngagementRecordExactlyOnce() throws Exception {
        String officer = user("engagement");
        int records = 30;
        AtomicInteger posted = new AtomicInteger();
        Thread poster = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < records; i++) {
                String key = "e2e-crash-" + i;
                String body = "{\"type\": \"workshop\", \"title\": \"Crash-test workshop " + i + "\", \"date\": \""
                        + LocalDate.of(2024, 11, 1).plusDays(i % 28) + "\", \"attendance\": 10}";
                while (true) {
                    try {
                        int status = Api.post(gateway + "/api/engagements", officer, body, key)
                                .status();
                        if (status == 201 || status == 200) {
                            posted.incrementAndGet();
                            break;
                        }
                    } catch (RuntimeException connectionRefused) {
                        // the gateway is down: retry with the same key, as a real client would
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        while (posted.get() < 8) {
            Thread.sleep(20);
        }
        stack.kill("gateway");
        stack.restart("gateway");
        poster.join(Duration.ofMinutes(3).toMillis());
        assertEquals(records, posted.get());

        JsonNode view = awaitView(
                "2024-25-Q3", v -> v.get("engagement").get("records").asInt() >= records, Duration.ofSeconds(30));
        Thread.sleep(2000);
        JsonNode settled = awaitView("2024-25-Q3", v -> true, Duration.ofSeconds(5));
        assertEquals(records, view.get("engagement").get("records").asInt());
        assertEquals(records, settled.get("engagement").get("records").asInt());
        assertEquals(records * 10, settled.get("engagement").get("attendance").asInt());
    }

    /**
     * A second engagement-service on the same database stands by and publishes nothing; a second gateway serves the
     * same view without projecting, and takes over when the first is killed. Every record counts once.
     */
    @Test
    void replicasPublishNothingTwiceAndCountNothingTwice() throws Exception {
        String serviceReplica = stack.startReplica("engagement-service");
        String gatewayReplica = stack.startReplica("gateway");
        String officer = user("engagement");
        String run = Marker.next();
        for (int i = 0; i < 20; i++) {
            String via = i % 2 == 0 ? gateway : stack.url(gatewayReplica);
            String body = "{\"type\": \"survey\", \"title\": \"Replica " + run + " " + i + "\", \"date\": \""
                    + LocalDate.of(2023, 1, 2).plusDays(i) + "\", \"attendance\": 5}";
            assertEquals(201, Api.post(via + "/api/engagements", officer, body).status());
        }
        JsonNode view =
                awaitView("2022-23-Q4", v -> v.get("engagement").get("records").asInt() >= 20, Duration.ofSeconds(30));
        Thread.sleep(3000); // several standby periods: a standby that published or projected would show by now
        JsonNode fromReplica = Api.get(stack.url(gatewayReplica) + "/api/views/quarterly/2022-23-Q4", user("viewer"))
                .json();
        assertEquals(view.get("engagement"), fromReplica.get("engagement"), "both gateways answer from the same view");
        assertEquals(20, fromReplica.get("engagement").get("records").asInt());
        assertEquals(100, fromReplica.get("engagement").get("attendance").asInt());

        List<ConsumerRecord<String, byte[]>> published = TopicReader.readAll(
                        stack.kafkaBootstrap(), "engagement.events", 1, Duration.ofSeconds(2), Duration.ofSeconds(30))
                .stream()
                .filter(r -> TopicReader.value(r).contains("Replica " + run))
                .toList();
        assertEquals(20, published.size(), "each record published once: the replica's relay stands by");
        assertEquals(
                "standby",
                Api.get(stack.url(serviceReplica) + "/q/health/ready", null)
                        .json()
                        .findValue("checks")
                        .findParents("name")
                        .stream()
                        .filter(c -> c.get("name").asText().equals("outbox-relay"))
                        .findFirst()
                        .orElseThrow()
                        .get("data")
                        .get("role")
                        .asText());
        assertEquals(
                "standby",
                Api.get(stack.url(gatewayReplica) + "/api/admin/projections/status", user("admin"))
                        .json()
                        .get(0)
                        .get("role")
                        .asText());

        stack.kill("gateway");
        for (int i = 20; i < 30; i++) {
            String body = "{\"type\": \"survey\", \"title\": \"Replica " + run + " " + i + "\", \"date\": \""
                    + LocalDate.of(2023, 1, 2).plusDays(i) + "\", \"attendance\": 5}";
            assertEquals(
                    201,
                    Api.post(stack.url(gatewayReplica) + "/api/engagements", officer, body)
                            .status());
        }
        String replicaUrl = stack.url(gatewayReplica);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode after = null;
        while (System.nanoTime() < deadline) {
            after = Api.get(replicaUrl + "/api/views/quarterly/2022-23-Q4", user("viewer"))
                    .json();
            if (after.get("engagement").get("records").asInt() >= 30) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        after = Api.get(replicaUrl + "/api/views/quarterly/2022-23-Q4", user("viewer"))
                .json();
        assertEquals(
                30,
                after.get("engagement").get("records").asInt(),
                "the replica took over: " + after.get("engagement"));
        assertEquals(150, after.get("engagement").get("attendance").asInt());
        stack.restart("gateway");
        stack.stop(gatewayReplica);
        stack.stop(serviceReplica);
    }
}
