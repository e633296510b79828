package org.csp.measures.datapoint;

import java.math.BigDecimal;
import org.csp.calendar.ReportingPeriod;

/** What can be asked of a data point. */
public sealed interface DataPointCommand {

    /**
     * Record a figure that has passed validation ({@link Submission}); {@code submittedBy} is the posting client,
     * from its token.
     */
    record RecordFigure(Submission submission, String submittedBy) implements DataPointCommand {}

    /**
     * A validated figure: the indicator, period and geography it is for, the source organisation it comes from, the
     * value (computed from numerator and denominator when only those were sent), its status and, for a revision, why.
     */
    record Submission(
            String partnershipId,
            String indicatorCode,
            ReportingPeriod period,
            String geography,
            String source,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            DataStatus status,
            String reason) {

        /** Which data point it is: one per indicator, period, geography and source. */
        public Key key() {
            return new Key(partnershipId, indicatorCode, geography, period.label(), source);
        }
    }

    /** A data point's identity. */
    record Key(String partnershipId, String indicatorCode, String geography, String period, String source) {}
}
