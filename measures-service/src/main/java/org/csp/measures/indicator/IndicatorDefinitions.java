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
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/**
 * The one validation of an indicator definition, for the catalogue file and the API alike, with the catalogue's
 * defaults: a sum for counts and a mean otherwise, the same period of the preceding year as the baseline, a 5 %
 * tolerance, the district level, no targets and no disclosure threshold.
 */
public final class IndicatorDefinitions {

    public static final String SAME_PERIOD_PREVIOUS_YEAR = "same-period-previous-year";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.valueOf(5);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorDefinitions() {}

    /** A valid code ("ASB-INCIDENTS"), or null. */
    public static String code(String code) {
        return code != null && code.length() <= 60 && CODE.matcher(code).matches() ? code : null;
    }

    /**
     * The definition {@code body} stands for, or a 422 listing every problem. {@code organisations}: the source
     * organisations the catalogue knows.
     */
    public static IndicatorDefinition validate(IndicatorRequest body, Set<String> organisations) {
        Validation v = Validation.of(body);
        v.parse(body.code(), "code", IndicatorDefinitions::code, "an upper-case code such as ASB-INCIDENTS");
        String title = v.publicText(body.title(), "title", 200);
        String description = v.optionalPublicText(body.description(), "description", 2000);
        v.require(
                body.priority() != null && body.priority() >= 1 && body.priority() <= 99,
                "priority",
                "must be the number of a priority of the plan (1–99)");
        Unit unit = v.parse(body.unit(), "unit", Unit::of, "one of " + org.csp.codes.Coded.codes(Unit.class));
        Frequency frequency = v.parse(
                body.frequency(), "frequency", Frequency::of, "one of " + org.csp.codes.Coded.codes(Frequency.class));
        Aggregation aggregation = body.aggregation() == null
                ? (unit == Unit.COUNT ? Aggregation.SUM : Aggregation.MEAN)
                : v.parse(body.aggregation(), "aggregation", Aggregation::of, "one of " + Aggregation.codes());
        Polarity polarity = v.parse(body.polarity(), "polarity", Polarity::of, "one of " + Polarity.codes());
        List<String> sources = body.sources() == null ? List.of() : body.sources();
        v.require(!sources.isEmpty(), "sources", "must name at least one source organisation");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i);
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
                        b -> b.equals(SAME_PERIOD_PREVIOUS_YEAR)
                                ? b
                                : ReportingPeriod.parse(b)
                                        .map(ReportingPeriod::label)
                                        .orElse(null),
                        SAME_PERIOD_PREVIOUS_YEAR + " or a period such as \"2022/23\"");
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        if (body.targets() != null) {
            body.targets().forEach((year, target) -> {
                ReportingPeriod period = ReportingPeriod.parse(year)
                        .filter(p -> p.kind() == ReportingPeriod.Kind.YEAR)
                        .orElse(null);
                String field = "targets." + year;
                v.require(period != null, field, "must be keyed by a financial year such as \"2024/25\"");
                v.require(target != null, field, "must be a number");
                if (period != null && target != null && unit != null) {
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
        BigDecimal tolerance = body.tolerance() == null ? DEFAULT_TOLERANCE : body.tolerance();
        v.require(
                tolerance.signum() >= 0 && tolerance.compareTo(HUNDRED) <= 0,
                "tolerance",
                "must be a percentage from 0 to 100");
        v.require(
                body.disclosureThreshold() == null
                        || (body.disclosureThreshold() >= 0 && body.disclosureThreshold() <= 1000),
                "disclosureThreshold",
                "must be a whole number from 0 to 1000");
        GeographyLevel level = body.geographyLevel() == null
                ? GeographyLevel.DISTRICT
                : v.parse(body.geographyLevel(), "geographyLevel", GeographyLevel::of, "district or ward");
        Derivation derivation = body.derivedFrom() == null
                ? null
                : v.parse(body.derivedFrom(), "derivedFrom", Derivation::of, "one of " + Derivation.codes());
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
