package org.csp.gateway.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.gateway.quarterly.PinnedEvents;
import org.csp.gateway.quarterly.QuarterlyViewSupport;
import org.csp.gateway.quarterly.ViewEvents;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The year for the Strategic Assessment: an indicator's four quarters and the year against the year before and its
 * target, the initiatives completed and carried over, the year's engagement and case reviews.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AnnualViewTest {

    private static final String CODE = "ANNUAL-91";
    private static final String YEAR = "/api/views/annual/2008-09";

    @Test
    void theYearAgainstTheYearBeforeAndItsTarget() throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(PinnedEvents.record(
                "plan.priority.defined.v1",
                "stroud:priority:91",
                1,
                e -> e.put("priority", 91).with("definition").put("title", "Priority ninety-one")));
        records.add(initiative("I91-A"));
        records.add(initiative("I91-B"));
        records.add(progress("I91-A", 2, "2008/09 Q2", "completed"));
        records.add(progress("I91-B", 2, "2008/09 Q4", "on-track"));
        records.add(PinnedEvents.record("measures.indicator.defined.v2", "stroud:indicator:" + CODE, 1, e -> {
            e.put("code", CODE);
            ObjectNode d = e.with("definition");
            d.put("title", "Incidents of priority 91").put("priority", 91).put("geographyLevel", "district");
            d.with("targets").put("2008/09", 100);
        }));
        YearMonth month = YearMonth.of(2007, 4);
        for (int i = 0; i < 24; i++, month = month.plusMonths(1)) {
            records.add(ViewEvents.figure(CODE, month.toString(), i < 12 ? 12 : 10));
        }
        records.add(activity("annual-91-a", "2008-05-10"));
        records.add(activity("annual-91-b", "2009-02-10"));
        records.add(PinnedEvents.record(
                "engagement.review.received.v1",
                "stroud:case-review:ANNUAL-CR-1",
                1,
                e -> e.put("caseReference", "ANNUAL-CR-1").put("receivedOn", "2008-11-03")));
        try (PinnedEvents events = new PinnedEvents()) {
            events.publishAll(records);
        }
        String p91 = "priorities.find { it.number == 91 }";
        String indicator = p91 + ".indicators.find { it.code == '" + CODE + "' }";
        JsonPath year = QuarterlyViewSupport.awaitView(
                YEAR,
                y -> y.get(indicator) != null
                        && Integer.valueOf(12).equals(y.get(indicator + ".year.periodsReported"))
                        && Integer.valueOf(2).equals(y.get(p91 + ".engagement.records"))
                        && Integer.valueOf(1).equals(y.get("caseReviews.received"))
                        && y.getList(p91 + ".initiatives.completed").size() == 1);
        assertEquals("2008/09", year.getString("year"));
        assertEquals(4, year.getList(indicator + ".quarters").size());
        assertEquals(30, year.getInt(indicator + ".quarters[1].value"));
        assertEquals(36, year.getInt(indicator + ".quarters[1].sameQuarterLastYear"));
        assertEquals(120, year.getInt(indicator + ".year.value"));
        assertEquals(144, year.getInt(indicator + ".year.lastYear"));
        assertEquals(-24, year.getInt(indicator + ".year.change"));
        assertEquals(100, year.getInt(indicator + ".year.target"));
        assertEquals("improving", year.getString(indicator + ".year.direction"));
        assertEquals(12, year.getInt(indicator + ".year.periodsExpected"));
        assertEquals(List.of("I91-A"), year.getList(p91 + ".initiatives.completed"));
        assertEquals(List.of("I91-B"), year.getList(p91 + ".initiatives.carriedOver"));
        assertTrue(year.getInt("engagement.records") >= 2);
        assertEquals(4, year.getList("quarters").size());

        Api.get(Tokens.user("viewer"), "/api/views/annual/2008-10")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", Matchers.equalTo("urn:csp:problem:invalid-year"));
    }

    private static ProducerRecord<String, byte[]> initiative(String id) {
        return PinnedEvents.record("plan.initiative.defined.v2", "stroud:initiative:" + id, 1, e -> {
            e.put("initiativeId", id);
            e.with("definition").put("priority", 91).put("due", "2010-03-31");
        });
    }

    private static ProducerRecord<String, byte[]> progress(String id, long version, String quarter, String status) {
        return PinnedEvents.record(
                "plan.initiative.updated.v1",
                "stroud:initiative:" + id,
                version,
                e -> e.put("initiativeId", id)
                        .put("quarter", quarter)
                        .put("status", status)
                        .put("rag", "green"));
    }

    private static ProducerRecord<String, byte[]> activity(String id, String day) {
        return PinnedEvents.record("engagement.activity.recorded.v3", "stroud:engagement:" + id, 1, e -> {
            e.put("engagementId", id);
            ObjectNode d = e.with("details");
            d.put("type", "workshop").put("startDate", day).put("endDate", day);
            d.putArray("priorities").add(91);
        });
    }
}
