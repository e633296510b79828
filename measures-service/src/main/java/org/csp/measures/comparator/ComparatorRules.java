package org.csp.measures.comparator;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.csp.calendar.ReportingPeriod;
import org.csp.measures.comparator.Comparator.RecordComparator;
import org.csp.measures.indicator.Figures;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.problem.Validation;

/**
 * The one validation of a family group's figures, whether posted by hand or read from an export through a comparator
 * source's mapping: a period of the indicator's frequency and not in the future, the group's average and limits
 * (required, figures of the indicator's unit, lower &le; average &le; upper), the partnership's own figure (optional,
 * the same form), its rank and the group's size (optional, 1 to {@value #MAX_GROUP_SIZE}, the rank at most the size).
 */
public final class ComparatorRules {

    /** The largest family group (iQuanta's groups of Community Safety Partnerships have about 15 members). */
    public static final int MAX_GROUP_SIZE = 500;

    private ComparatorRules() {}

    /** The figures as read, before they are checked; a number that could not be read is null (and already refused). */
    public record Input(
            String period,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            Integer rank,
            Integer groupSize) {}

    /**
     * What each figure is called in an error: the request's field names, or the export's column names.
     */
    public record Names(
            String period, String value, String average, String lower, String upper, String rank, String groupSize) {
        public static final Names API = new Names("period", "value", "average", "lower", "upper", "rank", "groupSize");
    }

    /**
     * The command for {@code figures} of {@code geography} (already checked by the caller), or null with the
     * violations in {@code v}.
     */
    public static RecordComparator check(
            Input figures,
            Names names,
            IndicatorRules rules,
            String geography,
            LocalDate today,
            String source,
            String submittedBy,
            Validation v) {
        int before = v.violations().size();
        // a period cell refused as it was read (too long, unreadable) is not reported again as missing
        ReportingPeriod period = figures.period() == null && refused(v, names.period())
                ? null
                : v.parse(
                        figures.period(),
                        names.period(),
                        ReportingPeriod.MAX_LENGTH,
                        t -> ReportingPeriod.parse(t).orElse(null),
                        rules.frequency().example());
        v.require(
                period == null || period.kind() == rules.frequency().period(),
                names.period(),
                "must be " + rules.frequency().example());
        v.require(period == null || !period.firstDay().isAfter(today), names.period(), "must not be in the future");
        boolean limits = figure(v, names.average(), figures.average(), true, rules)
                & figure(v, names.lower(), figures.lower(), true, rules)
                & figure(v, names.upper(), figures.upper(), true, rules);
        figure(v, names.value(), figures.value(), false, rules);
        if (limits) {
            v.require(
                    figures.lower().compareTo(figures.upper()) <= 0,
                    names.lower(),
                    "must not be above " + names.upper());
            v.require(
                    figures.lower().compareTo(figures.average()) <= 0
                            && figures.average().compareTo(figures.upper()) <= 0,
                    names.average(),
                    "must lie between " + names.lower() + " and " + names.upper());
        }
        count(v, names.rank(), figures.rank());
        count(v, names.groupSize(), figures.groupSize());
        if (figures.rank() != null && figures.groupSize() != null) {
            v.require(
                    figures.rank() <= figures.groupSize(),
                    names.rank(),
                    "must not be above " + names.groupSize() + " (" + figures.groupSize() + ")");
        }
        if (v.violations().size() > before || period == null) {
            return null;
        }
        return new RecordComparator(
                rules.code(),
                period.label(),
                geography,
                figures.value(),
                figures.average(),
                figures.lower(),
                figures.upper(),
                figures.rank(),
                figures.groupSize(),
                source,
                submittedBy);
    }

    /**
     * Whether {@code value} is a figure of the indicator's unit (a summary: an average of counts may have a fraction);
     * its digits are counted before any arithmetic. A figure that could not be read was refused already.
     */
    private static boolean figure(
            Validation v, String field, BigDecimal value, boolean required, IndicatorRules rules) {
        if (value == null) {
            v.require(!required || refused(v, field), field, "is required (a number)");
            return false;
        }
        if (Figures.bounded(value, field, v) == null) {
            return false;
        }
        String refused = rules.unit().refuseSummary(value);
        v.require(refused == null, field, refused);
        return refused == null;
    }

    private static void count(Validation v, String field, Integer value) {
        v.require(
                value == null || (value >= 1 && value <= MAX_GROUP_SIZE),
                field,
                "must be a whole number, at least 1 and at most " + MAX_GROUP_SIZE);
    }

    private static boolean refused(Validation v, String field) {
        return v.violations().stream().anyMatch(f -> field.equals(f.field()));
    }
}
