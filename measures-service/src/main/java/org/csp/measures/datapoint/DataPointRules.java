package org.csp.measures.datapoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.csp.calendar.ReportingPeriod;
import org.csp.measures.datapoint.DataPointCommand.Submission;
import org.csp.measures.geography.Geographies;
import org.csp.measures.geography.Geographies.Geography;
import org.csp.measures.indicator.Figures;
import org.csp.measures.indicator.GeographyLevel;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.Unit;
import org.csp.problem.Validation;

/**
 * The one validation of a figure, whether it came alone, in a JSON batch or in a CSV batch: known indicator and
 * geography, a period the indicator's frequency allows and not in the future, a value its unit allows (or a numerator
 * and denominator it is computed from), a status, one of the indicator's sources, and a reason fit to publish.
 */
final class DataPointRules {

    /** The longest reason given for a figure. */
    static final int MAX_REASON = 500;

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final Set<String> FIGURES = Set.of("value", "numerator", "denominator");

    /**
     * Where the figures go and who sends them. {@code indicators}: each partnership's indicators by code;
     * {@code partnership}: the one partnership the caller may post for (null: any, for county-wide partner systems);
     * {@code partnerOrganisation}: the posting agency's organisation (null for the coordinator).
     */
    record Context(
            Geographies geographies,
            Map<String, Map<String, IndicatorRules>> indicators,
            String partnership,
            String partnerOrganisation,
            LocalDate today) {}

    private DataPointRules() {}

    /** The partnership a row's geography belongs to, or null when the geography is not a district's or a ward's. */
    static String partnershipOf(Geographies geographies, String geography) {
        return geographies.find(geography).map(Geography::partnership).orElse(null);
    }

    /** The figure {@code in} stands for, or null with what is wrong added to {@code v}. */
    static Submission check(RowInput in, Validation v, Context context) {
        Geography geography = null;
        if (in.geography() == null) {
            v.require(false, "geography", "is required (a GSS code such as E07000082)");
        } else {
            geography = context.geographies().find(in.geography().strip()).orElse(null);
            if (geography == null) {
                v.require(
                        false,
                        "geography",
                        "'" + in.geography() + "' is not a geography the partnership platform knows "
                                + "(Gloucestershire's districts and wards, GSS codes such as E07000082)");
            } else if (geography.partnership() == null) {
                v.require(
                        false,
                        "geography",
                        "'" + geography.code() + "' is the whole county; figures are held by the "
                                + "district partnerships, so post them per district or ward");
                geography = null;
            } else if (context.partnership() != null && !context.partnership().equals(geography.partnership())) {
                v.require(
                        false,
                        "geography",
                        "'" + geography.code() + "' (" + geography.name() + ") is in the " + geography.partnership()
                                + " partnership's area, not " + context.partnership() + "'s");
                geography = null;
            }
        }
        IndicatorRules indicator = null;
        if (in.indicator() == null) {
            v.require(false, "indicator", "is required (an indicator code such as ASB-INCIDENTS)");
        } else if (geography != null) {
            indicator = context.indicators()
                    .getOrDefault(geography.partnership(), Map.of())
                    .get(in.indicator().strip());
            v.require(
                    indicator != null,
                    "indicator",
                    "'" + in.indicator() + "' is not an indicator of the " + geography.partnership() + " partnership");
        }
        if (indicator != null && indicator.derivedFrom() != null) {
            v.require(
                    false,
                    "indicator",
                    "'" + indicator.code() + "' is derived from the engagement records ("
                            + indicator.derivedFrom().code() + "); it is never posted by hand");
            indicator = null;
        }

        ReportingPeriod period = v.parse(
                in.period(),
                "period",
                p -> ReportingPeriod.parse(p).orElse(null),
                "a month (\"2024-08\"), a financial quarter (\"2024/25 Q2\") or a financial year (\"2024/25\")");
        if (period != null
                && indicator != null
                && period.kind() != indicator.frequency().period()) {
            v.require(
                    false,
                    "period",
                    "must be " + indicator.frequency().example() + " for this "
                            + indicator.frequency().code() + " indicator");
        }
        v.require(period == null || !period.firstDay().isAfter(context.today()), "period", "must not be in the future");
        if (geography != null
                && indicator != null
                && indicator.level() == GeographyLevel.DISTRICT
                && geography.level() == Geographies.Level.WARD) {
            v.require(
                    false,
                    "geography",
                    "'" + geography.code() + "' is a ward; " + indicator.code()
                            + " is reported for the whole district (" + geography.district() + ")");
        }

        BigDecimal value = value(in, indicator == null ? null : indicator.unit(), v);
        DataStatus status = in.status() == null
                ? DataStatus.PROVISIONAL
                : v.parse(in.status(), "status", DataStatus::of, "provisional or final");
        String source = source(in, indicator, context, v);
        String reason = v.optionalPublicText(in.reason(), "reason", MAX_REASON);
        if (!v.violations().isEmpty() || geography == null || indicator == null) {
            return null;
        }
        return new Submission(
                geography.partnership(),
                indicator.code(),
                period,
                geography.code(),
                source,
                value,
                in.numerator(),
                in.denominator(),
                status,
                reason);
    }

    private static BigDecimal value(RowInput in, Unit unit, Validation v) {
        if (v.violations().stream().anyMatch(f -> FIGURES.contains(f.field()))) {
            return null; // a figure the reader refused already says what is wrong with it
        }
        BigDecimal value = in.value();
        if (in.numerator() == null && in.denominator() == null) {
            v.require(value != null, "value", "is required (a number, or a numerator and a denominator)");
        } else {
            BigDecimal n = in.numerator();
            BigDecimal d = in.denominator();
            v.require(n != null, "numerator", "is required with a denominator");
            v.require(d != null, "denominator", "is required with a numerator");
            if (n == null || d == null) {
                return null;
            }
            boolean whole = wholeCount(n, "numerator", v) & wholeCount(d, "denominator", v);
            v.require(d.signum() != 0, "denominator", "must not be zero");
            v.require(n.compareTo(d) <= 0, "numerator", "must not be above the denominator");
            if (!whole || d.signum() == 0 || n.compareTo(d) > 0 || unit == null) {
                return null;
            }
            BigDecimal computed = unit.ratio(n, d);
            if (computed == null) {
                v.require(false, "numerator", "a count is a value, not a numerator and a denominator");
                return null;
            }
            if (value != null && value.subtract(computed).abs().compareTo(CENT) > 0) {
                v.require(
                        false,
                        "value",
                        "does not equal numerator / denominator (" + computed + " " + unit.code() + ")");
                return null;
            }
            value = value == null ? computed : value;
        }
        if (value != null && unit != null) {
            String refused = unit.refuse(value);
            v.require(refused == null, "value", refused);
            return refused == null ? value : null;
        }
        return value;
    }

    private static boolean wholeCount(BigDecimal number, String field, Validation v) {
        boolean ok = number.signum() >= 0
                && number.stripTrailingZeros().scale() <= 0
                && number.compareTo(Figures.LARGEST) <= 0;
        v.require(ok, field, "must be a whole number from 0 to 1,000,000,000,000");
        return ok;
    }

    private static String source(RowInput in, IndicatorRules indicator, Context context, Validation v) {
        if (context.partnerOrganisation() != null) {
            return context.partnerOrganisation(); // the service has checked it is a source and the row names no other
        }
        String source = in.source() == null ? null : in.source().strip();
        if (indicator == null) {
            return source;
        }
        if (source == null) {
            v.require(
                    indicator.sources().size() == 1,
                    "source",
                    "is required: " + indicator.code() + " has several sources " + indicator.sources());
            return indicator.sources().size() == 1 ? indicator.sources().getFirst() : null;
        }
        v.require(
                indicator.sources().contains(source),
                "source",
                "'" + source + "' is not a source of " + indicator.code() + "; its sources are " + indicator.sources());
        return source;
    }
}
