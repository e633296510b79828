package org.csp.measures.datapoint;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.csp.eventsourcing.EventStore;
import org.csp.infrastructure.LockWaits;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.infrastructure.TopicReader;
import org.csp.measures.Db;
import org.csp.testing.Api;
import org.csp.testing.Unauthorized;
import org.junit.jupiter.api.Test;

/** Figures posted through the API: batches (JSON and CSV), single points, revisions, idempotency and who may post. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class BatchIngestTest {

    @Inject
    DataPoints dataPoints;

    private static final String POLICE = "police-gloucestershire";
    /** Stroud's wards, from the geography data file: the first ten. */
    private static final List<String> WARDS = List.of(
            "E05013187",
            "E05013188",
            "E05013189",
            "E05013190",
            "E05013191",
            "E05013192",
            "E05013193",
            "E05013194",
            "E05013195",
            "E05013196");

    private static String row(String indicator, String period, String geography, Object value) {
        return """
                {"indicator":"%s","period":"%s","geography":"%s","value":%s}""".formatted(indicator, period, geography, value);
    }

    /** 100 rows of ASB-INCIDENTS: ten wards by ten months from {@code first}, values 1…100. */
    private static List<String> hundredRows(YearMonth first) {
        List<String> rows = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            for (int m = 0; m < 10; m++) {
                rows.add(row("ASB-INCIDENTS", first.plusMonths(m).toString(), WARDS.get(w), w * 10 + m + 1));
            }
        }
        return rows;
    }

    private static String array(List<String> rows) {
        return "[" + String.join(",", rows) + "]";
    }

    private static Response post(String token, String contentType, String body, String key) {
        var request = Api.as(token).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/data-points/batch");
    }

    private static BigDecimal sumOf(String indicator, String fromPeriod, String toPeriod) {
        return Db.number(
                "SELECT sum(value) FROM data_point_state WHERE indicator_code = ? AND period BETWEEN ? AND ?",
                indicator,
                fromPeriod,
                toPeriod);
    }

    @Test
    void withoutAValidTokenTheAnswerIsA401Problem() {
        Unauthorized.assertRefused("POST", "/api/data-points/batch", array(hundredRows(YearMonth.of(2019, 4))));
    }

    @Test
    void aHundredRowBatchFromThePoliceIsAcceptedOnceAndItsReplayStoresNothing() {
        String police = Tokens.client(POLICE);
        String body = array(hundredRows(YearMonth.of(2020, 4)));
        String key = UUID.randomUUID().toString();
        long before = Db.events();
        String first = post(police, "application/json", body, key)
                .then()
                .statusCode(200)
                .body("rows", equalTo(100))
                .body("recorded", equalTo(100))
                .body("revised", equalTo(0))
                .extract()
                .asString();
        assertEquals(before + 100, Db.events());
        assertEquals(new BigDecimal("5050"), sumOf("ASB-INCIDENTS", "2020-04", "2021-01"));

        // the same request 100 times: the first answer each time, and exactly one set of events
        for (int i = 0; i < 100; i++) {
            String again = post(police, "application/json", body, key)
                    .then()
                    .statusCode(200)
                    .header("Idempotent-Replayed", "true")
                    .extract()
                    .asString();
            assertEquals(first, again);
        }
        assertEquals(before + 100, Db.events());
        assertEquals(new BigDecimal("5050"), sumOf("ASB-INCIDENTS", "2020-04", "2021-01"));

        // the same key for other data is refused; the same data without a key changes nothing
        post(police, "application/json", array(hundredRows(YearMonth.of(2020, 5))), key)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));
        post(police, "application/json", body, null).then().statusCode(200).body("unchanged", equalTo(100));
        assertEquals(before + 100, Db.events());

        // published as CloudEvents, the submitting client from the token and the source its organisation
        ConsumerRecord<String, byte[]> record = TopicReader.await(
                "measures.events",
                "stroud:datapoint:ASB-INCIDENTS:" + WARDS.getFirst() + ":2020-04:gloucestershire-constabulary",
                r -> true,
                Duration.ofSeconds(20));
        assertEquals("measures.measure.recorded.v1", TopicReader.header(record, "ce_type"));
        String value = TopicReader.value(record);
        assertEquals(true, value.matches("(?s).*\"submittedBy\":\\s*\"" + POLICE + "\".*"), value);
    }

    @Test
    void aBatchWithABadRowIsRejectedWholeListingEveryBadRowAndChangesNothing() {
        String police = Tokens.client(POLICE);
        List<String> rows = new ArrayList<>(hundredRows(YearMonth.of(2021, 4)).subList(0, 50));
        rows.set(26, row("ASB-INCIDENTS", "2021-05", WARDS.get(2), -3));
        rows.set(39, row("ASB-INCIDENTS", "2021-05", "E05999999", 1));
        long before = Db.events();
        BigDecimal points = Db.number("SELECT count(*) FROM data_point_state");
        post(police, "application/json", array(rows), UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(27))
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("negative"))
                .body("errors[1].row", equalTo(40))
                .body("errors[1].field", equalTo("geography"));
        assertEquals(before, Db.events());
        assertEquals(points, Db.number("SELECT count(*) FROM data_point_state"));

        // a row twice, and an empty batch
        String twice = array(List.of(
                row("HATE-CRIMES", "2021/22 Q1", "E07000082", 3), row("HATE-CRIMES", "2021/22 Q1", "E07000082", 4)));
        post(police, "application/json", twice, null)
                .then()
                .statusCode(422)
                .body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("repeats row 1"));
        post(police, "application/json", "[]", null)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("empty-batch"));
        assertEquals(before, Db.events());
    }

    @Test
    void malformedBodiesWrongContentTypesAndOversizedBatchesAreProblemsThatStoreNothing() {
        String police = Tokens.client(POLICE);
        long before = Db.events();
        String one = row("HATE-CRIMES", "2019/20 Q1", "E07000082", 3);
        post(police, "application/json", "[" + one + "] trailing", null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        post(
                        police,
                        "application/json",
                        "[{\"indicator\":\"HATE-CRIMES\",\"indicator\":\"X\",\"period\":\"2019/20 Q1\","
                                + "\"geography\":\"E07000082\",\"value\":1}]",
                        null)
                .then()
                .statusCode(400);
        post(
                        police,
                        "application/json",
                        "[{\"indicator\":\"HATE-CRIMES\",\"period\":\"2019/20 Q1\",\"geography\":\"E07000082\",\"value\":NaN}]",
                        null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        post(police, "application/json", one, null).then().statusCode(400).body("detail", containsString("JSON array"));
        post(police, "text/plain", "[" + one + "]", null).then().statusCode(415);
        post(police, "text/csv; charset=ISO-8859-1", "indicator,period,geography,value\n", null)
                .then()
                .statusCode(415);
        post(
                        police,
                        "text/csv; charset=UTF-8",
                        "indicator,period,geography,value\nHATE-CRIMES,\"2019/20 Q1,E07000082,3\n",
                        null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // more rows than a batch may hold (2,000 in tests), and a body over 5 MB
        String tooMany = array(IntStream.range(0, 2001).mapToObj(i -> one).toList());
        post(police, "application/json", tooMany, null)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("2000"));
        String huge = "[" + "1,".repeat(3_000_000) + "1]";
        post(police, "application/json", huge, null).then().statusCode(413);
        assertEquals(before, Db.events());
    }

    @Test
    void aPartnerPostingForAnotherOrganisationsIndicatorGets403AndNothingIsStored() {
        String police = Tokens.client(POLICE);
        long before = Db.events();
        // ASB-COMPLAINTS comes from the district council alone
        post(
                        police,
                        "application/json",
                        array(List.of(
                                row("HATE-CRIMES", "2019/20 Q2", "E07000082", 3),
                                row("ASB-COMPLAINTS", "2019-05", "E07000082", 3))),
                        null)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("ASB-COMPLAINTS"));
        post(
                        police,
                        "application/json",
                        "[{\"indicator\":\"HATE-CRIMES\",\"period\":\"2019/20 Q2\",\"geography\":\"E07000082\","
                                + "\"value\":3,\"source\":\"stroud-district-council\"}]",
                        null)
                .then()
                .statusCode(403);
        Api.post(
                        Tokens.user("viewer"),
                        "/api/data-points/batch",
                        "[" + row("HATE-CRIMES", "2019/20 Q2", "E07000082", 3) + "]")
                .statusCode(403);
        assertEquals(before, Db.events());
    }

    /**
     * A figure is refused from its digits before any arithmetic: 20 CSV cells of 200,000 digits each (a 4 MB batch:
     * over the 1,000 characters of a cell), a 45-digit one, a JSON exponent of a billion, a numerator with 40 decimal
     * places; and a reason over 1,000 characters.
     */
    @Test
    void figuresOutOfTheirDocumentedFormAreRefusedRowByRowAndStoreNothing() {
        long before = Db.events();
        StringBuilder csv = new StringBuilder("indicator,period,geography,value\r\n");
        String digits = "9".repeat(200_000);
        for (int month = 0; month < 20; month++) {
            csv.append("RECORDED-CRIME,")
                    .append(YearMonth.of(2014, 1).plusMonths(month))
                    .append(",E07000082,")
                    .append(digits)
                    .append("\r\n");
        }
        post(Tokens.client(POLICE), "text/csv", csv.toString(), null)
                .then()
                .statusCode(422)
                .body("errors.size()", equalTo(20))
                .body("errors.field", everyItem(equalTo("value")))
                .body("errors.message", everyItem(containsString("at most 1000 characters")));
        post(
                        Tokens.client(POLICE),
                        "text/csv",
                        "indicator,period,geography,value\r\nRECORDED-CRIME,2015-01,E07000082,1" + "0".repeat(44)
                                + "\r\n",
                        null)
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("value")))
                .body("errors[0].message", containsString("written in at most 40 characters"));
        post(
                        Tokens.client(POLICE),
                        "application/json",
                        "[{\"indicator\": \"RECORDED-CRIME\", \"period\": \"2015-01\", \"geography\": \"E07000082\", "
                                + "\"value\": 1e999999999}, {\"indicator\": \"RECORDED-CRIME\", \"period\": \"2015-02\", "
                                + "\"geography\": \"E07000082\", \"numerator\": 0."
                                + "1".repeat(40) + ", \"denominator\": 2}]",
                        null)
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("value", "numerator")))
                .body("errors[0].message", containsString("from -1,000,000,000,000 to 1,000,000,000,000"));
        post(
                        Tokens.client(POLICE),
                        "text/csv",
                        "indicator,period,geography,value,reason\r\nRECORDED-CRIME,2015-01,E07000082,3,"
                                + "x".repeat(1001) + "\r\n",
                        null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", containsString("at most 1000 characters"));
        assertEquals(before, Db.events(), "nothing stored");
    }

    @Test
    void csvWithTheSameColumnsIsReadTheSameWay() {
        String csv = "\uFEFFindicator,period,geography,value,status\r\n"
                + "RECORDED-CRIME,2022-04,E07000082,310,final\r\n"
                + "RECORDED-CRIME,2022-05,E07000082,295,final\r\n"
                + "\"RECORDED-CRIME\",\"2022-06\",\"E07000082\",\"288\",\r\n";
        post(Tokens.client(POLICE), "text/csv; charset=utf-8", csv, null)
                .then()
                .statusCode(200)
                .body("recorded", equalTo(3));
        Api.get(Tokens.user("viewer"), "/api/indicators/RECORDED-CRIME/data-points?from=2022-04&to=2022-06")
                .statusCode(200)
                .body("value", equalTo(List.of(310, 295, 288)))
                .body("status", equalTo(List.of("final", "final", "provisional")));
        assertEquals(new BigDecimal("893"), sumOf("RECORDED-CRIME", "2022-04", "2022-06"));
    }

    @Test
    void aDifferentFigureIsARevisionWithItsHistoryAndTheSameFigureNothing() {
        String police = Tokens.client(POLICE);
        Api.post(
                        police,
                        "/api/indicators/SV-VIOLENCE-WITH-INJURY/data-points",
                        "{\"period\":\"2022-09\",\"geography\":\"E07000082\",\"value\":40}")
                .statusCode(201)
                .header("Location", startsWith("/api/indicators/SV-VIOLENCE-WITH-INJURY/data-points/E07000082/2022-09"))
                .body("revision", equalTo(1))
                .body("submittedBy", equalTo(POLICE))
                .body("source", equalTo("gloucestershire-constabulary"));
        Api.post(
                        police,
                        "/api/indicators/SV-VIOLENCE-WITH-INJURY/data-points",
                        "{\"period\":\"2022-09\",\"geography\":\"E07000082\",\"value\":40}")
                .statusCode(200)
                .body("revision", equalTo(1));
        post(
                        police,
                        "application/json",
                        "[{\"indicator\":\"SV-VIOLENCE-WITH-INJURY\",\"period\":\"2022-09\",\"geography\":\"E07000082\","
                                + "\"value\":43,\"status\":\"final\",\"reason\":\"late reports added\"}]",
                        null)
                .then()
                .statusCode(200)
                .body("revised", equalTo(1));
        // a final figure changes only with a reason
        post(police, "application/json", "[" + row("SV-VIOLENCE-WITH-INJURY", "2022-09", "E07000082", 44) + "]", null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Api.get(Tokens.user("viewer"), "/api/indicators/SV-VIOLENCE-WITH-INJURY/data-points/E07000082/2022-09")
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("value", equalTo(43))
                .body("revision", equalTo(2))
                .body("revisions.revision", equalTo(List.of(1, 2)))
                .body("revisions.value", equalTo(List.of(40, 43)))
                .body("revisions[1].reason", equalTo("late reports added"))
                .body("revisions[0].submittedBy", equalTo(POLICE));
        Api.get(
                        Tokens.user("viewer"),
                        "/api/indicators/SV-VIOLENCE-WITH-INJURY/data-points?from=2022-09&to=2022-09&revisions=true")
                .statusCode(200)
                .body("[0].revisions.value", equalTo(List.of(40, 43)));
    }

    /**
     * Six batches over the same twenty-five data points at once (twenty that exist, five that none of them has seen):
     * all land, every history is gap-free, in commit order, and none was tried again: they took the points in turn.
     */
    @Test
    void concurrentBatchesOverTheSamePointsAllLandWithGapFreeHistories() throws Exception {
        String police = Tokens.client(POLICE);
        List<String> months = IntStream.range(0, 25)
                .mapToObj(i -> YearMonth.of(2018, 4).plusMonths(i).toString())
                .toList();
        post(
                        police,
                        "application/json",
                        array(months.subList(0, 20).stream()
                                .map(m -> row("DA-INCIDENTS-CRIMES", m, "E07000082", 100))
                                .toList()),
                        null)
                .then()
                .statusCode(200)
                .body("recorded", equalTo(20));
        // hold the event store's append lock so that all six are in flight together: the first waits to append
        // (holding its rows), the others wait for its rows, having read before the new points existed
        double retriesBefore = dataPoints.retries();
        Connection holder = ServiceDatabase.connect();
        holder.setAutoCommit(false);
        holder.createStatement().execute("SELECT pg_advisory_xact_lock(" + EventStore.APPEND_LOCK + ")");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Map<String, Integer>>> answers = new ArrayList<>();
        for (int t = 1; t <= 6; t++) {
            int value = 100 + t;
            String body = array(months.stream()
                    .map(m -> row("DA-INCIDENTS-CRIMES", m, "E07000082", value))
                    .toList());
            answers.add(pool.submit((Callable<Map<String, Integer>>) () -> post(police, "application/json", body, null)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("")));
        }
        try (Connection observer = ServiceDatabase.connect()) {
            LockWaits.await(observer, 6);
        }
        holder.commit();
        holder.close();
        int recorded = 0;
        int revised = 0;
        for (Future<Map<String, Integer>> answer : answers) {
            recorded += answer.get().get("recorded");
            revised += answer.get().get("revised");
        }
        pool.shutdown();
        assertEquals(5, recorded, "each new point recorded once");
        assertEquals(retriesBefore, dataPoints.retries(), "no batch was tried again whole");
        assertEquals(6 * 25 - 5, revised, "every other row a revision");
        for (int i = 0; i < months.size(); i++) {
            String month = months.get(i);
            int expected = i < 20 ? 7 : 6;
            String stream = "stroud:datapoint:DA-INCIDENTS-CRIMES:E07000082:" + month + ":gloucestershire-constabulary";
            assertEquals(
                    new BigDecimal(expected), Db.number("SELECT count(*) FROM events WHERE stream_id = ?", stream));
            assertEquals(
                    new BigDecimal(expected * (expected + 1) / 2),
                    Db.number("SELECT sum(version) FROM events WHERE stream_id = ?", stream),
                    "versions 1…" + expected);
            Map<String, Object> point = Api.get(
                            Tokens.user("viewer"), "/api/indicators/DA-INCIDENTS-CRIMES/data-points/E07000082/" + month)
                    .statusCode(200)
                    .extract()
                    .path("");
            List<Map<String, Object>> history = (List<Map<String, Object>>) point.get("revisions");
            assertEquals(
                    IntStream.rangeClosed(1, expected).boxed().toList(),
                    history.stream().map(r -> r.get("revision")).toList());
            // the current value is the one the last commit wrote
            assertEquals(history.getLast().get("value"), point.get("value"));
        }
    }

    /**
     * A county-wide police file: every partnership has the county core set, so one batch with rows for all six
     * districts is accepted whole, and each row lands in the partnership whose district holds its geography.
     */
    @Test
    void aCountyWideBatchLandsEachRowInThePartnershipOfItsGeography() {
        // no plan of Cheltenham is loaded: RECORDED-CRIME is its indicator from the county core set, with no priority;
        // Stroud's own catalogue, loaded first, keeps its plan's priority 5
        Api.get(Tokens.user("cheltenham-coordinator"), "/api/indicators/RECORDED-CRIME")
                .statusCode(200)
                .body("title", equalTo("Police-recorded crime"))
                .body("priority", nullValue());
        Api.get(Tokens.user("coordinator"), "/api/indicators/RECORDED-CRIME")
                .statusCode(200)
                .body("priority", equalTo(5));
        String county = array(List.of(
                row("RECORDED-CRIME", "2016-04", "E07000082", 300),
                row("RECORDED-CRIME", "2016-04", "E07000078", 410),
                row("RECORDED-CRIME", "2016-04", "E05004288", 25),
                row("RECORDED-CRIME", "2016-04", "E07000079", 120),
                row("RECORDED-CRIME", "2016-04", "E07000080", 130),
                row("RECORDED-CRIME", "2016-04", "E07000081", 240),
                row("RECORDED-CRIME", "2016-04", "E07000083", 150)));
        post(Tokens.client(POLICE), "application/json", county, null)
                .then()
                .statusCode(200)
                .body("recorded", equalTo(7));
        assertEquals(
                new BigDecimal("300"),
                Db.number("SELECT sum(value) FROM data_point_state WHERE partnership_id = 'stroud' "
                        + "AND indicator_code = 'RECORDED-CRIME' AND period = '2016-04'"));
        assertEquals(
                new BigDecimal("435"),
                Db.number("SELECT sum(value) FROM data_point_state WHERE partnership_id = 'cheltenham' "
                        + "AND indicator_code = 'RECORDED-CRIME' AND period = '2016-04'"));
        assertEquals(
                new BigDecimal("1375"),
                Db.number("SELECT sum(value) FROM data_point_state WHERE indicator_code = 'RECORDED-CRIME' "
                        + "AND period = '2016-04'"),
                "every row counted once");
        assertEquals(
                new BigDecimal("6"),
                Db.number("SELECT count(DISTINCT partnership_id) FROM data_point_state WHERE indicator_code = "
                        + "'RECORDED-CRIME' AND period = '2016-04'"),
                "a row in each of the six partnerships");
        Api.get(
                        Tokens.user("cheltenham-coordinator"),
                        "/api/indicators/RECORDED-CRIME/data-points?from=2016-04&to=2016-04")
                .statusCode(200)
                .body("geography", equalTo(List.of("E05004288", "E07000078")));
        // a geography in no district, and one outside Gloucestershire, are row errors
        post(
                        Tokens.client(POLICE),
                        "application/json",
                        array(List.of(
                                row("RECORDED-CRIME", "2016-05", "E10000013", 1),
                                row("RECORDED-CRIME", "2016-05", "E07000044", 1))),
                        null)
                .then()
                .statusCode(422)
                .body("errors.row", equalTo(List.of(1, 2)))
                .body("errors.field", equalTo(List.of("geography", "geography")));
        // the coordinator of Stroud posts for Stroud only
        post(
                        Tokens.user("coordinator"),
                        "application/json",
                        array(List.of(row("RECORDED-CRIME", "2016-05", "E07000078", 1))),
                        null)
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("cheltenham"));
    }

    /**
     * A partner system reaches the partnerships its token's {@code partnerships} claim lists: Stroud District
     * Council's client serves Stroud only, so a batch with a Cheltenham row is refused whole (403) and stores nothing.
     */
    @Test
    void aPartnerSystemPostsOnlyForThePartnershipsItServes() {
        String stroudCouncil = Tokens.client("stroud-district-council");
        String batch = array(List.of(
                row("RECORDED-CRIME", "2016-07", "E07000082", 1), row("RECORDED-CRIME", "2016-07", "E07000078", 2)));
        post(stroudCouncil, "application/json", batch, null)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:csp:problem:other-partnership"))
                .body("detail", containsString("cheltenham"));
        assertEquals(
                BigDecimal.ZERO,
                Db.number("SELECT count(*) FROM data_point_state WHERE indicator_code = 'RECORDED-CRIME' "
                        + "AND period = '2016-07'"),
                "nothing stored");
    }

    @Test
    void theCoordinatorPostsForAnySourceOfTheIndicatorAndNamesIt() {
        String coordinator = Tokens.user("coordinator");
        post(coordinator, "application/json", "[" + row("ASB-INCIDENTS", "2019-04", "E07000082", 5) + "]", null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("source"));
        post(
                        coordinator,
                        "application/json",
                        "[{\"indicator\":\"ASB-INCIDENTS\",\"period\":\"2019-04\",\"geography\":\"E07000082\","
                                + "\"value\":5,\"source\":\"stroud-district-council\"}]",
                        null)
                .then()
                .statusCode(200)
                .body("recorded", equalTo(1));
        Api.get(
                        Tokens.user("viewer"),
                        "/api/indicators/ASB-INCIDENTS/data-points?geography=E07000082&from=2019-04&to=2019-04")
                .statusCode(200)
                .body("source", hasItem("stroud-district-council"));
    }
}
