package org.csp.gateway.views;

import static org.csp.gateway.quarterly.QuarterlyViewSupport.awaitView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.gateway.quarterly.PinnedEvents;
import org.csp.gateway.quarterly.ViewEvents;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * The quarterly view as the partnership's meeting sees it: priorities with their initiatives counted by status and
 * RAG, overdue and unreported initiatives, indicators, engagement linked to each priority and the review's state; the
 * view as at a review's close, which a later figure or report never changes but shows beside it; every close readable.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class PartnershipViewTest {

    private static final String VIEW = "/api/views/quarterly/2011-12-Q3";
    private static final String LABEL = "2011/12 Q3";
    private static final String CODE = "VIEW-81";
    private static final String REVIEW = "stroud:review:2011-12-Q3";
    /** The token subjects (pseudonymous ids) of priority 81's lead and of the coordinator. */
    private static final String LEAD = "5f0c2b8e-81a1-4c47-9d2e-6b3f7a9c1e04";

    private static final String COORDINATOR = "c3a9e6d1-2b7f-4e08-a5c4-0d9b8f1e2a63";
    private static final String NOVEMBER =
            "stroud:datapoint:" + CODE + ":E07000082:2011-11:gloucestershire-constabulary";

    @Test
    void theMeetingsViewThenTheViewAsAtEachCloseOfItsReview() throws Exception {
        try (PinnedEvents events = new PinnedEvents()) {
            events.publishAll(plan());
            events.publishAll(figures());
            events.publishAll(engagement());
            events.publishAll(consultationAndCaseReviews());
            events.publish(review(
                    "plan.quarterly-review.opened.v1",
                    1,
                    e -> e.putArray("priorities").add(81).add(82)));
            events.publish(review(
                    "plan.quarterly-review.report-submitted.v1",
                    2,
                    e -> e.with("report").put("priority", 81)));
        }
        JsonPath view = awaitView(VIEW, v -> {
            Map<String, Object> p81 = v.getMap("priorities.find { it.number == 81 }");
            return p81 != null
                    && "submitted".equals(p81.get("report"))
                    && Integer.valueOf(3).equals(v.get("priorities.find { it.number == 81 }.summary.initiatives"))
                    && Integer.valueOf(2).equals(v.get("priorities.find { it.number == 81 }.engagement.records"))
                    && Integer.valueOf(1).equals(v.get("totals.caseReviews.closed"))
                    && v.get("priorities.find { it.number == 81 }.consultations[0].results[0]") != null
                    && new BigDecimal(36).equals(decimal(v, indicator(81) + ".value"));
        });
        assertEquals("live", view.getString("asAt.basis"));
        assertEquals("open", view.getString("review.state"));
        assertEquals(List.of(81, 82), view.getList("review.expected"));
        assertEquals(List.of(82), view.getList("review.missing"));
        String p81 = "priorities.find { it.number == 81 }";
        assertEquals("Priority eighty-one", view.getString(p81 + ".title"));
        assertEquals(2, view.getInt(p81 + ".summary.reported"));
        assertEquals(1, view.getInt(p81 + ".summary.noReport"));
        assertEquals(1, view.getInt(p81 + ".summary.overdue"), "due in November, at risk");
        assertEquals(Map.of("amber", 1, "green", 1), view.getMap(p81 + ".summary.byRag"));
        assertEquals(Map.of("at-risk", 1, "on-track", 1), view.getMap(p81 + ".summary.byStatus"));
        assertEquals(40, view.getInt(p81 + ".engagement.attendance"), "the workshop and the event of both priorities");
        assertEquals(100, view.getInt(p81 + ".engagement.reach"));
        assertEquals(Map.of("public-event", 1, "workshop", 1), view.getMap(p81 + ".engagement.byType"));
        assertNull(view.get(p81 + ".initiatives"), "the whole view counts initiatives; the priority's page lists them");
        assertEquals(0, new BigDecimal(60).compareTo(decimal(view, indicator(81) + ".sameQuarterLastYear")));
        assertEquals(0, new BigDecimal(-24).compareTo(decimal(view, indicator(81) + ".change")));
        String survey = p81 + ".consultations.find { it.id == 'view-81-survey' }";
        assertEquals("How safe do you feel?", view.getString(survey + ".results[0].text"));
        assertEquals(0, new BigDecimal("71.5").compareTo(decimal(view, survey + ".results[0].percentage")));
        assertEquals(812, view.getInt(survey + ".results[0].sampleSize"));
        assertEquals(List.of(), view.getList("priorities.find { it.number == 82 }.consultations"));
        assertEquals(1, view.getInt("totals.consultationsClosed"));
        assertEquals(2, view.getInt("totals.caseReviews.received"));
        assertEquals(2, view.getInt("totals.caseReviews.decided"));
        assertEquals(1, view.getInt("totals.caseReviews.thresholdMet"));
        assertEquals(1, view.getInt("totals.caseReviews.decidedWithinTenWorkingDays"), "9 working days; 21");
        assertEquals(Map.of("actions-agreed", 1), view.getMap("totals.caseReviews.closedByOutcome"));
        assertEquals("missing", view.getString("priorities.find { it.number == 82 }.report"));
        assertEquals(15, view.getInt("priorities.find { it.number == 82 }.engagement.attendance"));

        JsonPath page = Api.get(Tokens.user("viewer"), VIEW + "/priorities/81")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, page.getInt("priority.objectives.find { it.id == 'O81-1' }.initiatives"));
        assertTrue(page.getBoolean("priority.initiatives.find { it.id == 'I81-A' }.overdue"));
        String a = "priority.initiatives.find { it.id == 'I81-A' }";
        assertEquals("amber", page.getString(a + ".progress.rag"));
        Map<String, Object> by = page.getMap(a + ".progress.reportedBy");
        assertNotNull(by, "a v2 report says who made it");
        assertEquals(LEAD, by.get("subject"), "who made the report: the lead's subject");
        assertEquals("priority-lead", by.get("reportedAs"));
        assertTrue(by.containsKey("organisation") && by.get("organisation") == null, "their token named none");
        assertNotNull(Instant.parse(page.getString(a + ".progress.reportedAt")), "and when it was recorded");
        String earlier = "priority.initiatives.find { it.id == 'I81-C' }";
        assertEquals("2011/12 Q1", page.getString(earlier + ".progress.quarter"), "its latest report, an earlier one");
        assertTrue(page.getMap(earlier + ".progress").containsKey("reportedBy"));
        assertNull(page.get(earlier + ".progress.reportedBy"), "a v1 report does not say who made it");
        assertNotNull(page.get(earlier + ".progress.reportedAt"));
        assertFalse(page.getBoolean(earlier + ".reported"));
        assertFalse(page.getBoolean(earlier + ".overdue"), "completed before it was due");

        // the tag holds until something is applied
        ExtractableResponse<Response> tagged =
                Api.get(Tokens.user("viewer"), VIEW).statusCode(200).extract();
        String etag = tagged.header("ETag");
        assertNotNull(etag);
        ExtractableResponse<Response> notModified = Api.as(Tokens.user("viewer"))
                .header("If-None-Match", etag)
                .get(VIEW)
                .then()
                .statusCode(304)
                .extract();
        assertEquals(etag, notModified.header("ETag"));

        // The review closes; a corrected November figure and a new report were recorded after the close, though the
        // gateway happens to read them first: the view as at the close goes by when things were recorded.
        ProducerRecord<String, byte[]> close = review("plan.quarterly-review.closed.v1", 3, e -> {});
        Thread.sleep(5);
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(PinnedEvents.record(
                    "measures.measure.revised.v1",
                    NOVEMBER,
                    2,
                    e -> e.put("indicatorCode", CODE)
                            .put("period", "2011-11")
                            .put("geography", "E07000082")
                            .put("value", 30)
                            .put("previousValue", 12)
                            .put("revision", 2)));
            events.publish(progress("I81-B", 3, LABEL, "at-risk", "red", COORDINATOR, "coordinator"));
            events.publish(close);
        }
        JsonPath closed = awaitView(
                VIEW,
                v -> "close".equals(v.getString("asAt.basis")) && v.get(indicator(81) + ".revisedSinceClose") != null);
        assertEquals(1, closed.getInt("asAt.close"));
        assertEquals("closed", closed.getString("review.state"));
        assertEquals(0, new BigDecimal(36).compareTo(decimal(closed, indicator(81) + ".value")), "as reported");
        assertEquals(0, new BigDecimal(54).compareTo(decimal(closed, indicator(81) + ".revisedSinceClose.value")));
        assertNotNull(closed.get(indicator(81) + ".revisedSinceClose.revisedAt"));
        assertEquals(1, closed.getInt(p81 + ".summary.revised"));
        assertEquals(Map.of("amber", 1, "green", 1), closed.getMap(p81 + ".summary.byRag"), "as reported");
        JsonPath closedPage = Api.get(Tokens.user("viewer"), VIEW + "/priorities/81")
                .statusCode(200)
                .extract()
                .jsonPath();
        String b = "priority.initiatives.find { it.id == 'I81-B' }";
        assertEquals("green", closedPage.getString(b + ".progress.rag"));
        assertEquals("red", closedPage.getString(b + ".revisedSinceClose.rag"));
        assertEquals(LEAD, closedPage.getString(b + ".progress.reportedBy.subject"), "as reported by the close");
        assertEquals(COORDINATOR, closedPage.getString(b + ".revisedSinceClose.reportedBy.subject"));
        assertEquals("coordinator", closedPage.getString(b + ".revisedSinceClose.reportedBy.reportedAs"));

        JsonPath live = Api.get(Tokens.user("viewer"), VIEW + "?asAt=live")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, new BigDecimal(54).compareTo(decimal(live, indicator(81) + ".value")));
        assertNull(live.get(indicator(81) + ".revisedSinceClose"));
        assertEquals(Map.of("amber", 1, "red", 1), live.getMap(p81 + ".summary.byRag"));

        // reopened and closed again: a second as-at, and the first stays readable
        try (PinnedEvents events = new PinnedEvents()) {
            events.publish(review("plan.quarterly-review.reopened.v1", 4, e -> {}));
            events.publish(review("plan.quarterly-review.closed.v1", 5, e -> {}));
        }
        JsonPath second = awaitView(VIEW, v -> Integer.valueOf(2).equals(v.get("asAt.close")));
        assertEquals(0, new BigDecimal(54).compareTo(decimal(second, indicator(81) + ".value")));
        assertNull(second.get(indicator(81) + ".revisedSinceClose"));
        assertEquals(2, second.getList("review.closes").size());
        JsonPath first = Api.get(Tokens.user("viewer"), VIEW + "?asAt=close:1")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, new BigDecimal(36).compareTo(decimal(first, indicator(81) + ".value")));
        assertEquals(0, new BigDecimal(54).compareTo(decimal(first, indicator(81) + ".revisedSinceClose.value")));
    }

    @Test
    void whatAViewCannotAnswerIsAProblem() {
        Api.get(Tokens.user("viewer"), VIEW + "?asAt=yesterday")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("asAt"));
        Api.get(Tokens.user("viewer"), "/api/views/quarterly/2011-12-Q1?asAt=close:3")
                .statusCode(404)
                .contentType("application/problem+json");
        Api.get(Tokens.user("viewer"), VIEW + "/priorities/999")
                .statusCode(404)
                .contentType("application/problem+json");
        Api.get(Tokens.user("viewer"), VIEW + "/priorities/first")
                .statusCode(404)
                .contentType("application/problem+json");
        Api.get(Tokens.user("viewer"), "/api/views/quarterly/2011-12-Q5/priorities/1")
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static String indicator(int priority) {
        return "priorities.find { it.number == " + priority + " }.indicators.find { it.code == '" + CODE + "' }";
    }

    private static BigDecimal decimal(JsonPath view, String path) {
        Object value = view.get(path);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static List<ProducerRecord<String, byte[]>> plan() {
        return List.of(
                priority(81, "Priority eighty-one"),
                priority(82, "Priority eighty-two"),
                PinnedEvents.record(
                        "plan.objective.defined.v1",
                        "stroud:objective:O81-1",
                        1,
                        e -> e.put("objectiveId", "O81-1").with("definition").put("priority", 81)),
                initiative("I81-A", 81, "2011-11-30"),
                initiative("I81-B", 81, "2013-03-31"),
                initiative("I81-C", 81, "2011-06-30"),
                initiative("I82-A", 82, "2013-03-31"),
                progress("I81-A", 2, LABEL, "at-risk", "amber"),
                progress("I81-B", 2, LABEL, "on-track", "green"),
                progressV1("I81-C", 2, "2011/12 Q1", "completed", "green"));
    }

    private static ProducerRecord<String, byte[]> priority(int number, String title) {
        return PinnedEvents.record(
                "plan.priority.defined.v1",
                "stroud:priority:" + number,
                1,
                e -> e.put("priority", number).with("definition").put("title", title));
    }

    private static ProducerRecord<String, byte[]> initiative(String id, int priority, String due) {
        return PinnedEvents.record("plan.initiative.defined.v2", "stroud:initiative:" + id, 1, e -> {
            e.put("initiativeId", id);
            ObjectNode d = e.with("definition");
            d.put("priority", priority).put("due", due).put("start", "2011-04-01");
            d.putArray("objectives").add(id.equals("I81-A") ? "O81-1" : "O82-1");
        });
    }

    /** A report of plan.initiative.updated.v2, by the lead of priority 81 ({@link #LEAD}). */
    private static ProducerRecord<String, byte[]> progress(
            String id, long version, String quarter, String status, String rag) {
        return progress(id, version, quarter, status, rag, LEAD, "priority-lead");
    }

    private static ProducerRecord<String, byte[]> progress(
            String id, long version, String quarter, String status, String rag, String subject, String reportedAs) {
        return report(
                "plan.initiative.updated.v2",
                id,
                version,
                quarter,
                status,
                rag,
                e -> e.with("reportedBy").put("subject", subject).put("reportedAs", reportedAs));
    }

    /** A report of plan.initiative.updated.v1, which did not say who made it. */
    private static ProducerRecord<String, byte[]> progressV1(
            String id, long version, String quarter, String status, String rag) {
        return report("plan.initiative.updated.v1", id, version, quarter, status, rag, e -> {});
    }

    private static ProducerRecord<String, byte[]> report(
            String type,
            String id,
            long version,
            String quarter,
            String status,
            String rag,
            Consumer<ObjectNode> reporter) {
        return PinnedEvents.record(type, "stroud:initiative:" + id, version, e -> {
            e.put("initiativeId", id)
                    .put("quarter", quarter)
                    .put("status", status)
                    .put("rag", rag)
                    .put("commentary", status + " in " + quarter);
            reporter.accept(e);
        });
    }

    private static List<ProducerRecord<String, byte[]>> figures() {
        List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        records.add(PinnedEvents.record("measures.indicator.defined.v2", "stroud:indicator:" + CODE, 1, e -> {
            e.put("code", CODE);
            ObjectNode d = e.with("definition");
            d.put("title", "Incidents of priority 81")
                    .put("priority", 81)
                    .put("geographyLevel", "district")
                    .putArray("sources")
                    .removeAll()
                    .add("gloucestershire-constabulary");
        }));
        String[][] months = {{"2011-10", "10"}, {"2011-11", "12"}, {"2011-12", "14"}};
        for (String[] m : months) {
            records.add(ViewEvents.figure(CODE, m[0], Long.parseLong(m[1])));
            records.add(ViewEvents.figure(CODE, m[0].replace("2011-", "2010-"), 20));
        }
        return records;
    }

    private static List<ProducerRecord<String, byte[]>> engagement() {
        return List.of(
                activity("view-81-workshop", "workshop", List.of(81), 30, 100),
                activity("view-82-survey", "survey", List.of(82), 5, null),
                activity("view-81-82-event", "public-event", List.of(81, 82), 10, null));
    }

    /** A survey of priority 81 closed in November and published; two case reviews, one decided within ten days. */
    private static List<ProducerRecord<String, byte[]>> consultationAndCaseReviews() {
        String survey = "stroud:consultation:view-81-survey";
        return List.of(
                PinnedEvents.record("engagement.consultation.opened.v1", survey, 1, e -> {
                    e.put("consultationId", "view-81-survey")
                            .put("opensOn", "2011-10-01")
                            .put("plannedClose", "2011-11-20");
                    e.putArray("priorities").add(81);
                    e.putArray("questions").addObject().put("code", "Q1").put("text", "How safe do you feel?");
                }),
                PinnedEvents.record(
                        "engagement.consultation.closed.v1",
                        survey,
                        2,
                        e -> e.put("consultationId", "view-81-survey").put("closedOn", "2011-11-20")),
                PinnedEvents.record("engagement.consultation.results-published.v1", survey, 3, e -> {
                    e.put("consultationId", "view-81-survey").put("publishedOn", "2011-12-01");
                    e.putArray("results")
                            .addObject()
                            .put("question", "Q1")
                            .putNull("indicator")
                            .put("percentage", new BigDecimal("71.5"))
                            .put("sampleSize", 812);
                }),
                caseReview("engagement.review.received.v1", "VIEW-CR-1", 1, e -> e.put("receivedOn", "2011-10-03")),
                caseReview(
                        "engagement.review.threshold-decided.v1",
                        "VIEW-CR-1",
                        2,
                        e -> e.put("decidedOn", "2011-10-14").put("met", true)),
                caseReview(
                        "engagement.review.closed.v1",
                        "VIEW-CR-1",
                        3,
                        e -> e.put("closedOn", "2011-12-01").put("outcome", "actions-agreed")),
                caseReview("engagement.review.received.v1", "VIEW-CR-2", 1, e -> e.put("receivedOn", "2011-11-01")),
                caseReview(
                        "engagement.review.threshold-decided.v1",
                        "VIEW-CR-2",
                        2,
                        e -> e.put("decidedOn", "2011-11-30").put("met", false)));
    }

    private static ProducerRecord<String, byte[]> caseReview(
            String type, String reference, long version, java.util.function.Consumer<ObjectNode> change) {
        return PinnedEvents.record(type, "stroud:case-review:" + reference, version, e -> {
            e.put("caseReference", reference);
            change.accept(e);
        });
    }

    private static ProducerRecord<String, byte[]> activity(
            String id, String type, List<Integer> priorities, int attendance, Integer reach) {
        return PinnedEvents.record("engagement.activity.recorded.v3", "stroud:engagement:" + id, 1, e -> {
            e.put("engagementId", id);
            ObjectNode d = e.with("details");
            d.put("type", type).put("startDate", "2011-11-14").put("endDate", "2011-11-14");
            d.put("attendance", attendance);
            if (reach == null) {
                d.putNull("reach");
            } else {
                d.put("reach", reach);
            }
            var list = d.putArray("priorities");
            priorities.forEach(list::add);
        });
    }

    private static ProducerRecord<String, byte[]> review(
            String type, long version, java.util.function.Consumer<ObjectNode> change) {
        return PinnedEvents.record(type, REVIEW, version, e -> {
            e.put("quarter", LABEL);
            change.accept(e);
        });
    }
}
