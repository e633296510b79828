package org.csp.measures.datapoint;

import org.csp.measures.indicator.IndicatorRules;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What can be asked of a data point. */
public sealed interface DataPointCommand {

    /**
     * Record a value. The indicator's rules and today's date travel with the command so that {@code decide} stays
     * pure; {@code indicator} is null when the code is not an indicator of the partnership.
     */
    record RecordDataPoint(IndicatorRules indicator, String indicatorCode, Period period, String geography, BigDecimal value,
                           DataStatus status, String source, String submittedBy, LocalDate today) implements DataPointCommand {
    }
}
