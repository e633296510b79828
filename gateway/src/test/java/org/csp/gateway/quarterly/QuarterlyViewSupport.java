package org.csp.gateway.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.assessment.Reading;
import org.csp.calendar.FinancialQuarter;
import org.csp.contracts.ApprovedJson;
import org.csp.eventsourcing.projection.Projection;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;

/**
 * What the quarterly view's tests share: waiting, through the API, for the view and for the projection's status, and
 * an engagement record of the first contract.
 */
public final class QuarterlyViewSupport {

    private QuarterlyViewSupport() {}

    /** Waits until the view at {@code path}, as a viewer reads it, meets the condition. */
    public static JsonPath awaitView(String path, Predicate<JsonPath> condition) throws InterruptedException {
        return await(path, "viewer", Duration.ofSeconds(30), condition);
    }

    /**
     * The view a second after the last publication, once it answers: for checking that an event published again
     * changed nothing (a wait for a change could not tell a skipped event from a slow one).
     */
    public static JsonPath settledView(String path) throws InterruptedException {
        Thread.sleep(1000);
        return awaitView(path, v -> true);
    }

    /** Waits until the gateway's projections' status, as the administrator reads it, meets the condition. */
    static JsonPath awaitStatus(Predicate<JsonPath> condition) throws InterruptedException {
        return await("/api/admin/projections/status", "admin", Duration.ofSeconds(60), condition);
    }

    private static JsonPath await(String path, String user, Duration timeout, Predicate<JsonPath> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = Api.get(Tokens.user(user), path).statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail(path + " never met the condition; last seen: " + (last == null ? null : last.prettify()));
        return null;
    }

    /** Waits until the live generation has applied everything on {@code topic} (no lag on any of its partitions). */
    static JsonPath awaitApplied(String topic) throws InterruptedException {
        return awaitStatus(s -> {
            List<Long> lags = s.getList("[0].live.partitions.findAll { it.topic == '" + topic + "' }.lag", Long.class);
            List<Long> ends =
                    s.getList("[0].live.partitions.findAll { it.topic == '" + topic + "' }.endOffset", Long.class);
            return ends.stream().mapToLong(Long::longValue).sum() > 0
                    && lags.stream().allMatch(lag -> lag == 0);
        });
    }

    /** The parked count has not moved since {@code parkedBefore}, and none of {@code types} is parked. */
    static void assertNoneParked(long parkedBefore, JsonPath status, List<String> types) {
        assertEquals(parkedBefore, status.getLong("[0].live.parkedCount"), status.prettify());
        List<String> parkedTypes = status.getList("[0].live.parked.type");
        for (String type : types) {
            assertFalse(parkedTypes.contains(type), type + " was parked: " + status.prettify());
        }
    }

    /** The types of {@code all} that their service pins (has an approved JSON of), sorted. */
    static List<String> pinned(List<String> all) {
        return all.stream().filter(ApprovedJson::exists).sorted().toList();
    }

    /** The projection applies or ignores {@code type}: an event of it is never parked. */
    static void assertAppliedOrIgnored(Projection projection, String type) {
        assertTrue(
                projection.appliedTypes().contains(type)
                        || projection.ignoredTypes().contains(type),
                type + " would be parked: the quarterly view neither applies nor ignores it");
    }

    static ProducerRecord<String, byte[]> engagement(String id, LocalDate date, String type, int attendance) {
        return PinnedEvents.record(
                "engagement.activity.recorded.v1",
                "stroud:engagement:" + id,
                1,
                e -> e.put("engagementId", id)
                        .put("date", date.toString())
                        .put("type", type)
                        .put("attendance", attendance));
    }

    /** The reading of that figure, as the assessment takes it. */
    static Reading reading(String period, String source, String value) {
        LocalDate first = period.matches("\\d{4}-\\d{2}")
                ? java.time.YearMonth.parse(period).atDay(1)
                : period.contains("Q")
                        ? FinancialQuarter.parse(period).orElseThrow().firstDay()
                        : LocalDate.of(Integer.parseInt(period.substring(0, 4)), 4, 1);
        return new Reading(period, first, source, new BigDecimal(value));
    }
}
