package org.csp.measures.indicator;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Polarity;
import org.csp.calendar.ReportingPeriod;
import org.csp.codes.Coded;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/**
 * The one validation of an indicator definition, for the catalogue file and the API alike, with the catalogue's
 * defaults: a sum for counts and a mean otherwise, the same period of the preceding year as the baseline, a 5 %
 * tolerance, the district level, no targets, no disclosure threshold and not public.
 */
public final class IndicatorDefinitions {

    public static final String SAME_PERIOD_PREVIOUS_YEAR = "same-period-previous-year";
    public static final int MAX_CODE = 60;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_PRIORITY = 99;
    /** The most source organisations of an indicator. */
    public static final int MAX_SOURCES = 20;
    /** The longest source organisation id. */
    public static final int MAX_SOURCE = 80;
    /** The most yearly targets. */
    public static final int MAX_TARGETS = 50;
    /** The largest tolerance, a percentage. */
    public static final String MAX_TOLERANCE = "100";

    public static final int MAX_DISCLOSURE_THRESHOLD = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.valueOf(5);
    private static final BigDecimal LARGEST_TOLERANCE = new BigDecimal(MAX_TOLERANCE);

    private IndicatorDefinitions() {}

    /** A valid code ("ASB-INCIDENTS"), or null. */
    public static String code(String code) {
        return code != null && code.length() <= MAX_CODE && CODE.matcher(code).matches() ? code : null;
    }

    /**
     * The definition {@code body} stands for, or a 422 listing every problem. {@code organisations}: the source
     * organisations the catalogue knows.
     */
    public static IndicatorDefinition validate(IndicatorRequest body, Set<String> organisations) {
        Validation v = Validation.of(body);
        v.parse(body.code(), "code", MAX_CODE, IndicatorDefinitions::code, "an upper-case code such as ASB-INCIDENTS");
        String title = v.publicText(body.title(), "title", MAX_TITLE);
        String description = v.optionalPublicText(body.description(), "description", MAX_DESCRIPTION);
        v.require(
                body.priority() == null || (body.priority() >= 1 && body.priority() <= MAX_PRIORITY),
                "priority",
                "must be the number of a priority of the plan (1–" + MAX_PRIORITY + "), or absent for an indicator"
                        + " of the county core set that no priority of the plan names");
        Unit unit = v.parse(body.unit(), "unit", Coded.MAX_LENGTH, Unit::of, "one of " + Coded.codes(Unit.class));
        Frequency frequency = v.parse(
                body.frequency(),
                "frequency",
                Coded.MAX_LENGTH,
                Frequency::of,
                "one of " + Coded.codes(Frequency.class));
        Aggregation aggregation = body.aggregation() == null
                ? (unit == Unit.COUNT ? Aggregation.SUM : Aggregation.MEAN)
                : v.parse(
                        body.aggregation(),
                        "aggregation",
                        Coded.MAX_LENGTH,
                        Aggregation::of,
                        "one of " + Aggregation.codes());
        Polarity polarity =
                v.parse(body.polarity(), "polarity", Coded.MAX_LENGTH, Polarity::of, "one of " + Polarity.codes());
        List<String> sources = v.atMost(body.sources(), "sources", MAX_SOURCES);
        v.require(!sources.isEmpty(), "sources", "must name at least one source organisation");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i);
            if (source != null && source.length() > MAX_SOURCE) {
                v.require(false, "sources[" + i + "]", "must be at most " + MAX_SOURCE + " characters");
                continue;
            }
            v.require(
                    source != null && organisations.contains(source),
                    "sources[" + i + "]",
                    "'" + source + "' is not an organisation the catalogue knows "
                            + organisations.stream().sorted().toList());
            v.require(source == null || seen.add(source), "sources[" + i + "]", "'" + source + "' is listed twice");
        }
        String baseline = body.baseline() == null
                ? SAME_PERIOD_PREVIOUS_YEAR
                : v.parse(
                        body.baseline(),
                        "baseline",
                        Coded.MAX_LENGTH,
                        b -> b.equals(SAME_PERIOD_PREVIOUS_YEAR)
                                ? b
                                : ReportingPeriod.parse(b)
                                        .map(ReportingPeriod::label)
                                        .orElse(null),
                        SAME_PERIOD_PREVIOUS_YEAR + " or a period such as \"2022/23\"");
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        if (body.targets() != null && body.targets().size() > MAX_TARGETS) {
            v.require(false, "targets", "must have at most " + MAX_TARGETS + " years");
        } else if (body.targets() != null) {
            body.targets().forEach((year, target) -> {
                if (year.length() > ReportingPeriod.MAX_LENGTH) {
                    v.require(false, "targets", "must be keyed by financial years such as \"2024/25\"");
                    return;
                }
                ReportingPeriod period = ReportingPeriod.parse(year)
                        .filter(p -> p.kind() == ReportingPeriod.Kind.YEAR)
                        .orElse(null);
                String field = "targets." + year;
                v.require(period != null, field, "must be keyed by a financial year such as \"2024/25\"");
                v.require(target != null, field, "must be a number");
                if (period != null && target != null && unit != null && Figures.bounded(target, field, v) != null) {
                    String refused = unit.refuse(target);
                    v.require(refused == null, field, refused);
                    targets.put(period.label(), target);
                }
            });
        }
        v.require(
                targets.isEmpty() || polarity != Polarity.MONITOR_ONLY,
                "targets",
                "a monitor-only indicator has no targets");
        BigDecimal tolerance =
                body.tolerance() == null ? DEFAULT_TOLERANCE : Figures.bounded(body.tolerance(), "tolerance", v);
        v.require(
                tolerance == null || (tolerance.signum() >= 0 && tolerance.compareTo(LARGEST_TOLERANCE) <= 0),
                "tolerance",
                "must be a percentage from 0 to " + MAX_TOLERANCE);
        v.require(
                body.disclosureThreshold() == null
                        || (body.disclosureThreshold() >= 0 && body.disclosureThreshold() <= MAX_DISCLOSURE_THRESHOLD),
                "disclosureThreshold",
                "must be a whole number from 0 to " + MAX_DISCLOSURE_THRESHOLD);
        GeographyLevel level = body.geographyLevel() == null
                ? GeographyLevel.DISTRICT
                : v.parse(
                        body.geographyLevel(),
                        "geographyLevel",
                        Coded.MAX_LENGTH,
                        GeographyLevel::of,
                        "district or ward");
        Derivation derivation = body.derivedFrom() == null
                ? null
                : v.parse(
                        body.derivedFrom(),
                        "derivedFrom",
                        Coded.MAX_LENGTH,
                        Derivation::of,
                        "one of " + Derivation.codes());
        v.throwIfInvalid();
        return new IndicatorDefinition(
                title,
                description,
                body.priority(),
                unit.code(),
                frequency.code(),
                aggregation.code(),
                polarity.code(),
                sources,
                baseline,
                targets,
                canonical(tolerance),
                body.disclosureThreshold(),
                Boolean.TRUE.equals(body.isPublic()),
                level.code(),
                derivation == null ? null : derivation.code());
    }

    /** The definition as an API body, for a merge patch to apply to. */
    public static IndicatorRequest body(String code, IndicatorDefinition d) {
        return new IndicatorRequest(
                code,
                d.title(),
                d.description(),
                d.priority(),
                d.unit(),
                d.frequency(),
                d.aggregation(),
                d.polarity(),
                d.sources(),
                d.baseline(),
                d.targets(),
                d.tolerance(),
                d.disclosureThreshold(),
                d.isPublic(),
                d.geographyLevel(),
                d.derivedFrom());
    }

    static void requireSameCode(String code, IndicatorRequest patched) {
        if (!code.equals(patched.code())) {
            throw ProblemException.invalid(
                    List.of(new FieldViolation("code", "cannot be changed; define a new indicator instead")));
        }
    }

    private static BigDecimal canonical(BigDecimal value) {
        return Aggregation.canonical(value);
    }
}
