package org.csp.gateway.county;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.gateway.quarterly.PinnedEvents;
import org.csp.geography.GeographyFile;
import org.csp.geography.GeographyFile.District;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.partnership.PartnershipRegistry;
import org.csp.partnership.PartnershipRegistry.Partnership;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Safer Gloucestershire's feed through the gateway, built from the services' events as they are published: every
 * district's figures as JSON and CSV, 304 on the entity tag, only what changed after a cursor, ward and county rows.
 * These tests use 2012/13 Q2 (July to September 2012), which no other test posts figures for.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class CountyFeedTest {

    private static final String QUARTER = "2012-13-Q2";
    private static final String FEED = "/api/feeds/county/" + QUARTER;
    private static final String CRIME = "RECORDED-CRIME";
    private static final String POLICE = "gloucestershire-constabulary";
    private static final PartnershipRegistry REGISTRY = PartnershipRegistry.load();
    private static final GeographyFile GEOGRAPHY = GeographyFile.read(new ObjectMapper(), GeographyFile.RESOURCE);

    private static String analyst() {
        return Tokens.client("safer-gloucestershire");
    }

    private static District district(Partnership p) {
        return GEOGRAPHY.districts().stream()
                .filter(d -> d.code().equals(p.gss().code()))
                .findFirst()
                .orElseThrow();
    }

    /** Police-recorded crime as the county core file defines it: monthly, by ward, added up, lower is better. */
    private static ProducerRecord<String, byte[]> crimeDefined(Partnership p) {
        return PinnedEvents.record("measures.indicator.defined.v2", p.id(), p.id() + ":indicator:" + CRIME, 1, e -> {
            e.put("code", CRIME);
            ObjectNode d = (ObjectNode) e.get("definition");
            d.put("title", "Police-recorded crime")
                    .putNull("priority")
                    .put("unit", "count")
                    .put("frequency", "monthly")
                    .put("aggregation", "sum")
                    .put("polarity", "lower-is-better")
                    .put("geographyLevel", "ward")
                    .put("tolerance", 5);
            d.putArray("sources").add(POLICE);
            d.putObject("targets");
        });
    }

    /** The police's figure for a place and month: recorded at revision 1, revised above it. */
    private static ProducerRecord<String, byte[]> figure(
            Partnership p, String geography, String month, int revision, int value) {
        String stream = p.id() + ":datapoint:" + CRIME + ":" + geography + ":" + month + ":" + POLICE;
        String type = revision == 1 ? "measures.measure.recorded.v1" : "measures.measure.revised.v1";
        return PinnedEvents.record(type, p.id(), stream, revision, e -> {
            e.put("indicatorCode", CRIME)
                    .put("geography", geography)
                    .put("period", month)
                    .put("source", POLICE)
                    .put("value", value)
                    .put("revision", revision);
            if (revision > 1) {
                e.put("previousValue", 0);
            }
        });
    }

    private static ExtractableResponse<Response> get(String path, Map<String, String> headers) {
        return RestAssured.given()
                .auth()
                .oauth2(analyst())
                .headers(headers)
                .get(path)
                .then()
                .extract();
    }

    /** The RECORDED-CRIME rows of the JSON feed at {@code path}, once they meet the condition. */
    private static JsonPath awaitFeed(String path, Predicate<List<Map<String, Object>>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = Api.get(analyst(), path).statusCode(200).extract().jsonPath();
            if (condition.test(crimeRows(last))) {
                return last;
            }
            Thread.sleep(200);
        }
        fail(path + " never met the condition; last seen: " + (last == null ? null : last.prettify()));
        return null;
    }

    private static List<Map<String, Object>> crimeRows(JsonPath feed) {
        return feed.getList("rows.findAll { it.indicator == '" + CRIME + "' }");
    }

    private static Map<String, Object> rowOf(List<Map<String, Object>> rows, String partnership) {
        return rows.stream()
                .filter(r -> partnership.equals(r.get("partnership")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + partnership + " in " + rows));
    }

    /** A number of the JSON as read (an Integer, a Float …) equal to {@code expected}. */
    private static void assertNumber(String expected, Object actual) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                expected + " ≠ " + actual);
    }

    private static BigDecimal number(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }

    @Test
    void everyDistrictAsJsonAndCsvWith304OnItsTagAndOnlyWhatChangedAfterACursor() throws Exception {
        List<Partnership> partnerships = REGISTRY.partnerships();
        Partnership stroud = REGISTRY.byId("stroud").orElseThrow();
        Partnership gloucester = REGISTRY.byId("gloucester").orElseThrow();
        try (PinnedEvents events = new PinnedEvents()) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < partnerships.size(); i++) {
                Partnership p = partnerships.get(i);
                District d = district(p);
                records.add(crimeDefined(p));
                // two wards reported July 2012: 10, 20 … and 5; the district itself a year earlier
                records.add(figure(p, d.wards().get(0).code(), "2012-07", 1, 10 * (i + 1)));
                records.add(figure(p, d.wards().get(1).code(), "2012-07", 1, 5));
                records.add(figure(p, d.code(), "2011-07", 1, 40));
            }
            // Stroud also posted its own district figure for July: it stands instead of its wards'
            records.add(figure(stroud, district(stroud).code(), "2012-07", 1, 999));
            events.publishAll(records);

            JsonPath feed =
                    awaitFeed(FEED, rows -> rows.size() == 6 && rows.stream().allMatch(r -> r.get("value") != null));
            List<Map<String, Object>> rows = crimeRows(feed);
            assertEquals(
                    List.of("E07000078", "E07000079", "E07000080", "E07000081", "E07000082", "E07000083"),
                    rows.stream().map(r -> r.get("geography")).toList());
            assertEquals(
                    rows.stream().map(r -> r.get("geography")).toList(),
                    rows.stream().map(r -> r.get("partnershipGss")).toList());
            Map<String, Object> cotswold = rowOf(rows, "cotswold");
            assertNumber("25", cotswold.get("value"));
            assertEquals("wards", cotswold.get("figuresFrom"));
            assertEquals(2, cotswold.get("wardsReported"));
            assertNumber("40", cotswold.get("sameQuarterLastYear"));
            assertEquals("improving", cotswold.get("direction"));
            assertEquals("Cotswold", cotswold.get("geographyName"));
            assertNumber("999", rowOf(rows, "stroud").get("value"));
            assertEquals("district", rowOf(rows, "stroud").get("figuresFrom"));
            assertEquals("not-opened", rowOf(rows, "stroud").get("reviewState"));

            // the same feed again with its tag: 304, no body
            ExtractableResponse<Response> json = get(FEED, Map.of());
            String etag = json.header("ETag");
            ExtractableResponse<Response> notModified = get(FEED, Map.of("If-None-Match", etag));
            assertEquals(304, notModified.statusCode());
            assertEquals("", notModified.body().asString());
            assertEquals(etag, notModified.header("ETag"));
            assertEquals(
                    304,
                    get(FEED, Map.of("If-Modified-Since", json.header("Last-Modified")))
                            .statusCode());

            // as CSV: the documented columns, one row per district, the same figures
            ExtractableResponse<Response> csv = get(FEED, Map.of("Accept", "text/csv"));
            assertEquals(200, csv.statusCode());
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            assertNotEquals(etag, csv.header("ETag"), "the CSV is another representation");
            String text = csv.body().asString();
            assertEquals(String.join(",", FeedCsv.columns()) + "\r\n", text.substring(0, text.indexOf('\n') + 1));
            List<Map<String, String>> csvRows = csvRows(text).stream()
                    .filter(r -> r.get("indicator").equals(CRIME))
                    .toList();
            assertEquals(
                    rows.stream().map(r -> r.get("partnershipGss")).toList(),
                    csvRows.stream().map(r -> r.get("partnershipGss")).toList());
            assertEquals("25", csvRows.get(1).get("value"));
            // quoted only where RFC 4180 needs it: a name with spaces is written as it is
            assertTrue(text.contains("\r\ncotswold,Cotswold Community Safety Partnership,E07000079,district,"), text);
            assertEquals(
                    304,
                    get(FEED, Map.of("Accept", "text/csv", "If-None-Match", csv.header("ETag")))
                            .statusCode());

            // Gloucester's police correct a ward's July figure: the next pull from the cursor has that row alone
            String cursor = feed.getString("cursor");
            assertEquals(cursor, json.header("Feed-Cursor"));
            District g = district(gloucester);
            events.publish(figure(gloucester, g.wards().get(0).code(), "2012-07", 2, 7));
            JsonPath changed = awaitFeed(
                    FEED + "?since=" + cursor,
                    r -> !r.isEmpty() && new BigDecimal("12").equals(number(r.getFirst(), "value")));
            assertEquals(1, changed.getList("rows").size(), changed.prettify());
            assertEquals("gloucester", changed.getString("rows[0].partnership"));
            assertEquals(cursor, changed.getString("since"));
            assertNotEquals(cursor, changed.getString("cursor"));
            assertEquals(
                    0,
                    Api.get(analyst(), FEED + "?since=" + changed.getString("cursor"))
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("rows")
                            .size());
            assertEquals(200, get(FEED, Map.of("If-None-Match", etag)).statusCode(), "the old tag no longer holds");

            // Stroud opens its quarterly review: its rows change, and say so
            String next = changed.getString("cursor");
            events.publish(PinnedEvents.record(
                    "plan.quarterly-review.opened.v1",
                    "stroud",
                    "stroud:review:2012-13-Q2",
                    1,
                    e -> e.put("quarter", "2012/13 Q2")));
            JsonPath reviewed = awaitFeed(FEED + "?since=" + next, r -> !r.isEmpty());
            assertEquals(
                    List.of("stroud"),
                    reviewed.getList("rows.partnership").stream().distinct().toList());
            assertEquals("open", reviewed.getString("rows.find { it.indicator == '" + CRIME + "' }.reviewState"));
        }
    }

    @Test
    void wardRowsAndTheCountyRowAddUpTheSameFigures() throws Exception {
        Partnership cotswold = REGISTRY.byId("cotswold").orElseThrow();
        String feed = "/api/feeds/county/2013-14-Q3";
        try (PinnedEvents events = new PinnedEvents()) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            // every partnership defines the indicator (as the other test may have done first: the same events)
            REGISTRY.partnerships().forEach(p -> records.add(crimeDefined(p)));
            // Cotswold: three wards in October and November 2013; Tewkesbury: its district in December
            List<GeographyFile.Area> wards = district(cotswold).wards();
            records.add(figure(cotswold, wards.get(0).code(), "2013-10", 1, 3));
            records.add(figure(cotswold, wards.get(1).code(), "2013-10", 1, 4));
            records.add(figure(cotswold, wards.get(2).code(), "2013-11", 1, 6));
            Partnership tewkesbury = REGISTRY.byId("tewkesbury").orElseThrow();
            records.add(figure(tewkesbury, district(tewkesbury).code(), "2013-12", 1, 30));
            events.publishAll(records);
        }
        JsonPath county = awaitFeed(
                feed + "?level=county", r -> r.size() == 1 && r.getFirst().get("value") != null);
        Map<String, Object> row = crimeRows(county).getFirst();
        assertEquals("E10000013", row.get("geography"));
        assertEquals("safer-gloucestershire", row.get("partnership"));
        assertEquals("districts", row.get("figuresFrom"));
        assertEquals(6, row.get("districtsExpected"));
        assertEquals(2, row.get("districtsReported"));
        assertNumber("43", row.get("value"));
        JsonPath districts = Api.get(analyst(), feed).statusCode(200).extract().jsonPath();
        BigDecimal sum = crimeRows(districts).stream()
                .map(r -> number(r, "value"))
                .filter(v -> v != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(number(row, "value")));

        JsonPath wards = Api.get(analyst(), feed + "?level=ward")
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> cotswoldWards = crimeRows(wards).stream()
                .filter(r -> r.get("partnership").equals("cotswold"))
                .toList();
        assertEquals(district(cotswold).wards().size(), cotswoldWards.size());
        assertNumber("13", rowOf(crimeRows(districts), "cotswold").get("value"));
        assertEquals(
                List.of(new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("6")),
                cotswoldWards.stream()
                        .map(r -> number(r, "value"))
                        .filter(v -> v != null)
                        .toList());
        assertEquals(
                wards.getString(
                        "rows.find { it.partnership == 'cotswold' && it.indicator == '" + CRIME + "' }.geographyName"),
                district(cotswold).wards().getFirst().name());
    }

    /**
     * A family group's figures as an iQuanta import records them (comparator v2: the partnership's rate, the group's
     * average and limits, its rank): the feed and the partnership's quarterly view place Stroud below the group's
     * range, better than similar areas for a lower-is-better indicator; the later of two periods of the quarter counts.
     */
    @Test
    void aComparatorPlacesThePartnershipInItsFamilyGroupInTheFeedAndTheQuarterlyView() throws Exception {
        Partnership stroud = REGISTRY.byId("stroud").orElseThrow();
        String district = district(stroud).code();
        String quarter = "2015-16-Q2";
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(crimeDefined(stroud));
            events.publish(figure(stroud, district, "2015-07", 1, 30));
            for (String[] month : new String[][] {{"2015-07", "6.2"}, {"2015-08", "3.1"}}) {
                events.publish(PinnedEvents.record(
                        "measures.comparator.recorded.v2",
                        stroud.id(),
                        "stroud:comparator:" + CRIME + ":" + district + ":" + month[0],
                        1,
                        e -> e.put("indicatorCode", CRIME)
                                .put("geography", district)
                                .put("period", month[0])
                                .put("value", new BigDecimal(month[1]))
                                .put("revision", 1)));
            }
        }
        JsonPath feed = awaitFeed(
                "/api/feeds/county/" + quarter,
                r -> "2015-08".equals(rowOf(r, "stroud").get("familyGroupPeriod")));
        Map<String, Object> row = rowOf(crimeRows(feed), "stroud");
        assertNumber("3.1", row.get("familyGroupValue"));
        assertEquals("below", row.get("familyGroupPosition"));
        assertEquals("better", row.get("familyGroupReading"));
        assertEquals(3, row.get("familyGroupRank"));
        assertEquals(15, row.get("familyGroupSize"));

        JsonPath view = Api.get(Tokens.user("viewer"), "/api/views/quarterly/" + quarter)
                .statusCode(200)
                .extract()
                .jsonPath();
        String measure = "measures.find { it.indicator == '" + CRIME + "' && it.geography == '" + district + "' }";
        assertEquals("2015-08", view.getString(measure + ".familyGroup.period"));
        assertEquals("below", view.getString(measure + ".familyGroup.position"));
        assertEquals("better", view.getString(measure + ".familyGroup.reading"));
        assertEquals("iquanta", view.getString(measure + ".familyGroup.source"));
    }

    /**
     * A review's events in order, some in one batch: opened for five priorities, two reports (one of them twice),
     * closed, reopened and closed again; the feed shows the state, the reports counted once, and the last close.
     */
    @Test
    void aPartnershipsQuarterlyReviewAsItsEventsLeaveIt() throws Exception {
        Partnership forest = REGISTRY.byId("forest-of-dean").orElseThrow();
        String feed = "/api/feeds/county/2014-15-Q1";
        String stream = "forest-of-dean:review:2014-15-Q1";
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(crimeDefined(forest));
            List<ProducerRecord<String, byte[]>> steps = new ArrayList<>();
            steps.add(PinnedEvents.record(
                    "plan.quarterly-review.opened.v1", forest.id(), stream, 1, e -> e.put("quarter", "2014/15 Q1")));
            // priority 2 reports, then 4, then 2 again (a report replaced): two priorities reported
            int[] priorities = {2, 4, 2};
            for (int i = 0; i < priorities.length; i++) {
                int priority = priorities[i];
                steps.add(PinnedEvents.record(
                        "plan.quarterly-review.report-submitted.v1", forest.id(), stream, 2 + i, e -> {
                            e.put("quarter", "2014/15 Q1");
                            ((ObjectNode) e.get("report")).put("priority", priority);
                        }));
            }
            events.publishAll(steps);
            JsonPath open = awaitFeed(
                    feed,
                    r -> r.stream()
                            .anyMatch(row -> forest.id().equals(row.get("partnership"))
                                    && Integer.valueOf(2).equals(row.get("reviewReportsSubmitted"))));
            Map<String, Object> row = rowOf(crimeRows(open), forest.id());
            assertEquals("open", row.get("reviewState"));
            assertEquals(5, row.get("reviewReportsExpected"));

            // each step is awaited among the rows changed after the one before, so none can be read before it applied
            Predicate<List<Map<String, Object>>> forestClosed = r -> r.stream()
                    .anyMatch(x -> forest.id().equals(x.get("partnership"))
                            && "closed".equals(x.get("reviewState"))
                            && x.get("reviewClosedAt") != null);
            events.publish(PinnedEvents.record(
                    "plan.quarterly-review.closed.v1", forest.id(), stream, 5, e -> e.put("quarter", "2014/15 Q1")));
            JsonPath firstClose = awaitFeed(feed + "?since=" + open.getString("cursor"), forestClosed);
            events.publish(PinnedEvents.record(
                    "plan.quarterly-review.reopened.v1", forest.id(), stream, 6, e -> e.put("quarter", "2014/15 Q1")));
            JsonPath reopened = awaitFeed(
                    feed + "?since=" + firstClose.getString("cursor"),
                    r -> r.stream()
                            .anyMatch(x -> forest.id().equals(x.get("partnership"))
                                    && "open".equals(x.get("reviewState"))
                                    && x.get("reviewClosedAt") == null));
            events.publish(PinnedEvents.record(
                    "plan.quarterly-review.closed.v1", forest.id(), stream, 7, e -> e.put("quarter", "2014/15 Q1")));
            JsonPath closed = awaitFeed(feed + "?since=" + reopened.getString("cursor"), forestClosed);
            Map<String, Object> last = rowOf(crimeRows(closed), forest.id());
            assertEquals(2, last.get("reviewReportsSubmitted"));
            assertTrue(last.get("reviewClosedAt") != null, last.toString());
        }
    }

    @Test
    void aBadQueryIsAProblemNamingItsParameterAndOnlyTheCountyAnalystReadsTheFeed() {
        String[] cursor = Api.get(analyst(), FEED)
                .statusCode(200)
                .extract()
                .header("Feed-Cursor")
                .split("-");
        String ahead = cursor[0] + "-" + (Long.parseLong(cursor[1]) + 1_000_000);
        for (String query : List.of("?level=region", "?indicators=some", "?since=yesterday", "?since=" + ahead)) {
            Api.get(analyst(), FEED + query)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.substring(1, query.indexOf('='))));
        }
        Api.get(analyst(), FEED + "?since=999999-1")
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", endsWith("full-fetch-needed"));
        Api.get(analyst(), "/api/feeds/county/2012-Q2").statusCode(400).contentType("application/problem+json");
        RestAssured.given()
                .auth()
                .oauth2(analyst())
                .accept("text/html")
                .get(FEED)
                .then()
                .statusCode(406);
        Api.get(Tokens.user("coordinator"), FEED).statusCode(403);
        RestAssured.given().get(FEED).then().statusCode(401);
    }

    private static List<Map<String, String>> csvRows(String text) throws Exception {
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(text)) {
            return it.readAll();
        }
    }
}
