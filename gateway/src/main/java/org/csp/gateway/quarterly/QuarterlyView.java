package org.csp.gateway.quarterly;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.csp.assessment.AssessmentView;
import org.csp.assessment.FamilyGroupView;

/**
 * The quarterly partnership view: where every initiative of the plan stood (retired ones are left out), what was
 * measured and what engagement happened.
 */
public record QuarterlyView(
        String partnership,
        String quarter,
        LocalDate from,
        LocalDate to,
        List<InitiativeProgress> initiatives,
        List<Measure> measures,
        Engagement engagement,
        Summary summary) {

    /** {@code priorityTitle} is null while the view knows no title for the priority. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record InitiativeProgress(
            String id,
            int priority,
            String priorityTitle,
            String title,
            String status,
            String rag,
            String commentary,
            Instant reportedAt) {}

    /**
     * An indicator in one geography: the data points of the quarter (every source's; for an annual indicator the
     * financial year's), {@code total} their sum when the indicator adds up (aggregation "sum"), and its
     * {@code assessment}, null when the indicator is not known or defines no polarity or frequency (a legacy
     * definition); {@code familyGroup}, for the partnership's district, its place in its Most Similar Family Group in
     * the latest period of the quarter that has the group's figures (null: none).
     */
    public record Measure(
            String indicator,
            String title,
            String unit,
            String polarity,
            String geography,
            List<Period> periods,
            BigDecimal total,
            AssessmentView assessment,
            FamilyGroupView familyGroup) {}

    /** One source's current figure for a period. */
    public record Period(String period, String source, BigDecimal value, String status, int revision) {}

    public record Engagement(long records, long attendance, Map<String, Long> byType) {}

    /** How many initiatives reported in the quarter, by RAG. */
    public record Summary(int initiatives, int reported, Map<String, Long> byRag) {}
}
