package org.csp.gateway.quarterly;

import java.math.BigDecimal;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The events the views' tests publish most: a figure of stroud as measures-service records it. */
public final class ViewEvents {

    private ViewEvents() {}

    /** The police's first figure for {@code code} at {@code gss} for {@code period} (a month, quarter or year). */
    public static ProducerRecord<String, byte[]> figure(String code, String gss, String period, BigDecimal value) {
        return PinnedEvents.record(
                "measures.measure.recorded.v1",
                "stroud:datapoint:" + code + ":" + gss + ":" + period + ":gloucestershire-constabulary",
                1,
                e -> e.put("indicatorCode", code)
                        .put("period", period)
                        .put("geography", gss)
                        .put("value", value)
                        .put("source", "gloucestershire-constabulary")
                        .putNull("numerator")
                        .putNull("denominator"));
    }

    /** As {@link #figure(String, String, String, BigDecimal)}, at the district of stroud. */
    public static ProducerRecord<String, byte[]> figure(String code, String period, long value) {
        return figure(code, "E07000082", period, BigDecimal.valueOf(value));
    }
}
