package org.csp.gateway.county;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.csp.assessment.AreaRollUp;
import org.csp.assessment.AreaRollUp.Coverage;
import org.csp.assessment.AreaRollUp.From;
import org.csp.assessment.Assessment;
import org.csp.assessment.FamilyGroup;
import org.csp.assessment.Reading;
import org.csp.calendar.ReportingPeriod;
import org.csp.gateway.county.FeedQuery.Level;
import org.csp.gateway.quarterly.MeasuresReader;
import org.csp.geography.GeographyFile;
import org.csp.geography.GeographyFile.Area;
import org.csp.geography.GeographyFile.District;
import org.csp.partnership.PartnershipRegistry;
import org.csp.partnership.PartnershipRegistry.Partnership;

/**
 * The county feed's rows from what the gateway's projection holds (pure: given the rows read, the same answer). Each
 * row is assessed with the shared rule ({@link Assessment}); a district's figure for an indicator reported by ward is
 * its own where posted, else its wards' rolled up ({@link AreaRollUp}), and the county's is its districts' rolled up
 * the same way, so nothing is counted twice. Each row carries the latest change-clock tick of everything it was made
 * from, which is what {@code ?since=} compares.
 */
public final class FeedRows {

    /** An indicator of a partnership as the projection holds it. */
    public record Definition(
            String partnership,
            String code,
            String title,
            String unit,
            String frequency,
            String aggregation,
            String polarity,
            BigDecimal tolerance,
            Map<String, BigDecimal> targets,
            String level,
            List<String> sources,
            long changed) {

        /** What the assessment needs of it ({@link MeasuresReader#basis}), with its targets or without. */
        Optional<Assessment.Basis> basis(boolean withTargets) {
            return MeasuresReader.basis(
                    polarity,
                    frequency,
                    aggregation != null ? aggregation : MeasuresReader.defaultAggregation(unit),
                    tolerance,
                    withTargets ? targets : Map.of());
        }

        boolean byWard() {
            return "ward".equals(level);
        }
    }

    /** One source's current figure for an indicator, place and period. */
    public record Figure(
            String partnership,
            String code,
            String geography,
            String period,
            String source,
            BigDecimal value,
            long changed) {}

    /** A family group's figures for an indicator, district and period. */
    public record Comparison(
            String partnership,
            String code,
            String geography,
            String period,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            Integer rank,
            Integer groupSize,
            long changed) {}

    /** A partnership's quarterly review of the quarter. */
    public record Review(
            String partnership, String state, int submitted, int expected, Instant closedAt, long changed) {}

    /** What the projection holds for the quarter (and the same quarter a year earlier). */
    public record Inputs(
            List<Definition> definitions, List<Figure> figures, List<Comparison> comparisons, List<Review> reviews) {}

    private static final Map<From, String> DISTRICT_FROM = Map.of(
            From.OWN, "district", From.PARTS, "wards", From.OWN_AND_PARTS, "district-and-wards", From.NONE, "none");
    private static final Map<From, String> COUNTY_FROM = Map.of(
            From.OWN, "county", From.PARTS, "districts", From.OWN_AND_PARTS, "county-and-districts", From.NONE, "none");

    private final FeedQuery query;
    private final PartnershipRegistry registry;
    private final GeographyFile geography;
    private final List<String> core;
    private final Map<String, Map<String, Definition>> definitions;
    private final Map<List<String>, List<Figure>> figures;
    private final Map<List<String>, List<Comparison>> comparisons;
    private final Map<String, Review> reviews;

    private FeedRows(
            FeedQuery query, PartnershipRegistry registry, GeographyFile geography, List<String> core, Inputs inputs) {
        this.query = query;
        this.registry = registry;
        this.geography = geography;
        this.core = core;
        this.definitions = inputs.definitions().stream()
                .collect(Collectors.groupingBy(
                        Definition::partnership,
                        Collectors.toMap(Definition::code, d -> d, (a, b) -> b, LinkedHashMap::new)));
        this.figures = inputs.figures().stream()
                .collect(Collectors.groupingBy(f -> List.of(f.partnership(), f.code(), f.geography())));
        this.comparisons = inputs.comparisons().stream()
                .collect(Collectors.groupingBy(c -> List.of(c.partnership(), c.code(), c.geography())));
        this.reviews = inputs.reviews().stream().collect(Collectors.toMap(Review::partnership, r -> r));
    }

    /**
     * The rows the query asks for, in a stable order: partnerships as the registry lists them, then indicators (the
     * core set in its file's order, then the others by code), then places as the geography file lists them. With a
     * cursor, only the rows something of which changed after it.
     */
    public static List<FeedRow> of(
            FeedQuery query, PartnershipRegistry registry, GeographyFile geography, List<String> core, Inputs inputs) {
        List<FeedRow> rows = new FeedRows(query, registry, geography, core, inputs).rows();
        FeedCursor since = query.since();
        return since == null
                ? rows
                : rows.stream().filter(r -> r.changed() > since.tick()).toList();
    }

    private List<FeedRow> rows() {
        List<FeedRow> rows = new ArrayList<>();
        if (query.level() == Level.COUNTY) {
            for (String code : codes(definitions.values().stream()
                    .flatMap(d -> d.keySet().stream())
                    .collect(Collectors.toCollection(TreeSet::new)))) {
                county(code).ifPresent(rows::add);
            }
            return rows;
        }
        for (Partnership partnership : registry.partnerships()) {
            Map<String, Definition> own = definitions.getOrDefault(partnership.id(), Map.of());
            District district = district(partnership);
            for (String code : codes(own.keySet())) {
                Definition definition = own.get(code);
                if (query.level() == Level.DISTRICT) {
                    rows.add(district(partnership, district, definition));
                } else if (definition.byWard()) {
                    for (Area ward : district.wards()) {
                        rows.add(ward(partnership, ward, definition));
                    }
                }
            }
        }
        return rows;
    }

    /** The codes of the query among {@code defined}: the core set's first, in its order, then the others by code. */
    private List<String> codes(Set<String> defined) {
        Stream<String> cores = core.stream().filter(defined::contains);
        if (query.indicators() == FeedQuery.Indicators.CORE) {
            return cores.toList();
        }
        return Stream.concat(
                        cores, defined.stream().filter(c -> !core.contains(c)).sorted())
                .toList();
    }

    private District district(Partnership partnership) {
        return geography.districts().stream()
                .filter(d -> d.code().equals(partnership.gss().code()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The geography file has no district "
                        + partnership.gss().code() + " of partnership " + partnership.id()));
    }

    /** A district's readings of an indicator (its own figures, else its wards' rolled up) and when they last changed. */
    private record Rolled(List<Reading> readings, Coverage coverage, long changed) {}

    private Rolled districtReadings(Definition definition, District district, Assessment.Basis basis) {
        List<Figure> own = figures(definition, district.code());
        Map<String, List<Reading>> parts = new LinkedHashMap<>();
        long changed = latest(own);
        int wards = 0;
        if (definition.byWard()) {
            wards = district.wards().size();
            for (Area ward : district.wards()) {
                List<Figure> f = figures(definition, ward.code());
                changed = Math.max(changed, latest(f));
                parts.put(ward.code(), readings(f, basis));
            }
        }
        AreaRollUp.Result result = AreaRollUp.of(basis, query.quarter(), readings(own, basis), parts, wards);
        return new Rolled(result.readings(), result.coverage(), changed);
    }

    private FeedRow district(Partnership partnership, District district, Definition definition) {
        Optional<Assessment.Basis> basis = definition.basis(true);
        long changed = Math.max(definition.changed(), review(partnership).changed());
        if (basis.isEmpty()) {
            return row(partnership, Level.DISTRICT, district.code(), district.name(), definition, null, null, changed)
                    .build();
        }
        Rolled area = districtReadings(definition, district, basis.get());
        Assessment a = Assessment.assess(basis.get(), query.quarter(), area.readings());
        Builder row = row(
                partnership,
                Level.DISTRICT,
                district.code(),
                district.name(),
                definition,
                a,
                missingSources(definition, basis.get(), area.readings()),
                Math.max(changed, area.changed()));
        Coverage c = area.coverage();
        row.figuresFrom = definition.byWard() ? DISTRICT_FROM.get(c.from()) : c.from() == From.NONE ? "none" : "own";
        if (definition.byWard()) {
            row.wardsReported = c.partsReported();
            row.wardsExpected = c.partsExpected();
        }
        familyGroup(row, partnership, district, definition, basis.get());
        return row.build();
    }

    private FeedRow ward(Partnership partnership, Area ward, Definition definition) {
        Optional<Assessment.Basis> basis = definition.basis(false);
        long changed = Math.max(definition.changed(), review(partnership).changed());
        if (basis.isEmpty()) {
            return row(partnership, Level.WARD, ward.code(), ward.name(), definition, null, null, changed)
                    .build();
        }
        List<Figure> own = figures(definition, ward.code());
        List<Reading> readings = readings(own, basis.get());
        Assessment a = Assessment.assess(basis.get(), query.quarter(), readings);
        Builder row = row(
                partnership,
                Level.WARD,
                ward.code(),
                ward.name(),
                definition,
                a,
                missingSources(definition, basis.get(), readings),
                Math.max(changed, latest(own)));
        row.figuresFrom = a.periodsReported() > 0 ? "own" : "none";
        return row.build();
    }

    /**
     * The county's row of an indicator: each partnership that has it is a part, its district's readings (own or its
     * wards') rolled up once more. The definition is the first partnership's (the core set's are the same in every
     * partnership), without targets: a target is a partnership's.
     */
    private Optional<FeedRow> county(String code) {
        List<Partnership> having = registry.partnerships().stream()
                .filter(p -> definitions.getOrDefault(p.id(), Map.of()).containsKey(code))
                .toList();
        if (having.isEmpty()) {
            return Optional.empty();
        }
        Definition definition = definitions.get(having.getFirst().id()).get(code);
        Optional<Assessment.Basis> basis = definition.basis(false);
        long changed = definition.changed();
        Map<String, List<Reading>> parts = new LinkedHashMap<>();
        for (Partnership p : having) {
            Definition own = definitions.get(p.id()).get(code);
            changed = Math.max(changed, own.changed());
            if (basis.isPresent()) {
                Rolled area = districtReadings(own, district(p), basis.get());
                parts.put(p.gss().code(), area.readings());
                changed = Math.max(changed, area.changed());
            }
        }
        PartnershipRegistry.CountyBoard board = registry.county();
        Builder row = new Builder();
        row.partnership = board.id();
        row.partnershipName = board.name();
        row.partnershipGss = board.gss().code();
        row.level = Level.COUNTY.code();
        row.geography = geography.county().code();
        row.geographyName = geography.county().name();
        row.indicator(definition);
        row.quarter = query.quarter().pathId();
        row.changed = changed;
        if (basis.isPresent()) {
            AreaRollUp.Result county = AreaRollUp.of(basis.get(), query.quarter(), List.of(), parts, having.size());
            row.assessment(Assessment.assess(basis.get(), query.quarter(), county.readings()));
            row.figuresFrom = COUNTY_FROM.get(county.coverage().from());
            row.districtsReported = county.coverage().partsReported();
            row.districtsExpected = county.coverage().partsExpected();
        }
        return Optional.of(row.build());
    }

    /**
     * The family group's position for the latest period of the quarter that has the group's figures, with the
     * partnership's own figure as the group gave it (none: "not-known"), as measures-service's assessment places it.
     */
    private void familyGroup(
            Builder row, Partnership partnership, District district, Definition definition, Assessment.Basis basis) {
        Comparison c = FamilyGroup.latest(
                        basis,
                        query.quarter(),
                        comparisons.getOrDefault(
                                List.of(partnership.id(), definition.code(), district.code()), List.of()),
                        Comparison::period)
                .orElse(null);
        if (c == null) {
            return;
        }
        FamilyGroup group = FamilyGroup.place(
                basis.polarity(), c.value(), c.average(), c.lower(), c.upper(), c.rank(), c.groupSize());
        row.familyGroupPeriod = c.period();
        row.familyGroupValue = group.value();
        row.familyGroupAverage = group.average();
        row.familyGroupLower = group.lower();
        row.familyGroupUpper = group.upper();
        row.familyGroupRank = group.rank();
        row.familyGroupSize = group.groupSize();
        row.familyGroupPosition = group.position().code();
        row.familyGroupReading = group.reading().code();
        row.changed = Math.max(row.changed, c.changed());
    }

    /** The indicator's sources with no figure in the quarter (at the place, or any of its wards). */
    private List<String> missingSources(Definition definition, Assessment.Basis basis, List<Reading> readings) {
        Set<String> reported = readings.stream()
                .filter(r -> Assessment.within(basis, query.quarter(), r.firstDay()))
                .map(Reading::source)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return definition.sources().stream().filter(s -> !reported.contains(s)).toList();
    }

    private List<Figure> figures(Definition definition, String place) {
        return figures.getOrDefault(List.of(definition.partnership(), definition.code(), place), List.of());
    }

    /** The figures of the indicator's own frequency as readings (a figure of another frequency is not assessed). */
    private static List<Reading> readings(List<Figure> figures, Assessment.Basis basis) {
        List<Reading> readings = new ArrayList<>();
        for (Figure f : figures) {
            ReportingPeriod.parse(f.period())
                    .filter(p -> p.kind().perYear() == basis.periodsPerYear())
                    .ifPresent(p -> readings.add(new Reading(
                            p.label(),
                            p.firstDay(),
                            f.source() == null || f.source().isEmpty() ? null : f.source(),
                            f.value())));
        }
        return readings;
    }

    private static long latest(List<Figure> figures) {
        return figures.stream().mapToLong(Figure::changed).max().orElse(0);
    }

    private Review review(Partnership partnership) {
        return reviews.getOrDefault(partnership.id(), new Review(partnership.id(), "not-opened", 0, 0, null, 0));
    }

    private Builder row(
            Partnership partnership,
            Level level,
            String code,
            String name,
            Definition definition,
            Assessment assessment,
            List<String> missing,
            long changed) {
        Builder row = new Builder();
        row.partnership = partnership.id();
        row.partnershipName = partnership.name();
        row.partnershipGss = partnership.gss().code();
        row.level = level.code();
        row.geography = code;
        row.geographyName = name;
        row.indicator(definition);
        row.quarter = query.quarter().pathId();
        if (assessment != null) {
            row.assessment(assessment);
        }
        row.sourcesMissing = missing;
        Review review = review(partnership);
        row.reviewState = review.state();
        row.reviewReportsSubmitted = review.submitted();
        row.reviewReportsExpected = review.expected();
        row.reviewClosedAt = review.closedAt();
        row.changed = changed;
        return row;
    }

    /** A row being filled in; what a place or indicator does not have stays null. */
    private static final class Builder {
        String partnership;
        String partnershipName;
        String partnershipGss;
        String level;
        String geography;
        String geographyName;
        String indicator;
        String indicatorTitle;
        String unit;
        String polarity;
        String quarter;
        String period;
        BigDecimal value;
        String comparisonPeriod;
        BigDecimal sameQuarterLastYear;
        BigDecimal change;
        BigDecimal changePercent;
        BigDecimal target;
        String rag;
        String direction;
        Integer periodsReported;
        Integer periodsExpected;
        String figuresFrom;
        Integer wardsReported;
        Integer wardsExpected;
        Integer districtsReported;
        Integer districtsExpected;
        List<String> sourcesMissing;
        String familyGroupPeriod;
        BigDecimal familyGroupValue;
        BigDecimal familyGroupAverage;
        BigDecimal familyGroupLower;
        BigDecimal familyGroupUpper;
        Integer familyGroupRank;
        Integer familyGroupSize;
        String familyGroupPosition;
        String familyGroupReading;
        String reviewState;
        Integer reviewReportsSubmitted;
        Integer reviewReportsExpected;
        Instant reviewClosedAt;
        long changed;

        void indicator(Definition d) {
            indicator = d.code();
            indicatorTitle = d.title();
            unit = d.unit();
            polarity = d.polarity();
        }

        void assessment(Assessment a) {
            period = a.period();
            value = a.value();
            comparisonPeriod = a.comparisonPeriod();
            sameQuarterLastYear = a.sameTimeLastYear();
            change = a.change();
            changePercent = a.changePercent();
            target = a.target();
            rag = a.rag().code();
            direction = a.direction().code();
            periodsReported = a.periodsReported();
            periodsExpected = a.periodsExpected();
        }

        FeedRow build() {
            return new FeedRow(
                    partnership,
                    partnershipName,
                    partnershipGss,
                    level,
                    geography,
                    geographyName,
                    indicator,
                    indicatorTitle,
                    unit,
                    polarity,
                    quarter,
                    period,
                    value,
                    comparisonPeriod,
                    sameQuarterLastYear,
                    change,
                    changePercent,
                    target,
                    rag,
                    direction,
                    periodsReported,
                    periodsExpected,
                    figuresFrom,
                    wardsReported,
                    wardsExpected,
                    districtsReported,
                    districtsExpected,
                    sourcesMissing,
                    familyGroupPeriod,
                    familyGroupValue,
                    familyGroupAverage,
                    familyGroupLower,
                    familyGroupUpper,
                    familyGroupRank,
                    familyGroupSize,
                    familyGroupPosition,
                    familyGroupReading,
                    reviewState,
                    reviewReportsSubmitted,
                    reviewReportsExpected,
                    reviewClosedAt,
                    changed);
        }
    }
}
