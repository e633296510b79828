package org.csp.gateway.quarterly;

import static org.csp.contracts.MeasuresEventTypes.CATALOGUE_REVISED_V1;
import static org.csp.contracts.MeasuresEventTypes.COMPARATOR_RECORDED_V1;
import static org.csp.contracts.MeasuresEventTypes.COMPARATOR_RECORDED_V2;
import static org.csp.contracts.MeasuresEventTypes.COMPARATOR_SOURCE_SAVED_V1;
import static org.csp.contracts.MeasuresEventTypes.DATA_POINT_RECORDED_V1;
import static org.csp.contracts.MeasuresEventTypes.DATA_POINT_REVISED_V1;
import static org.csp.contracts.MeasuresEventTypes.INDICATOR_AMENDED_V1;
import static org.csp.contracts.MeasuresEventTypes.INDICATOR_AMENDED_V2;
import static org.csp.contracts.MeasuresEventTypes.INDICATOR_DEFINED_V1;
import static org.csp.contracts.MeasuresEventTypes.INDICATOR_DEFINED_V2;
import static org.csp.contracts.MeasuresEventTypes.INDICATOR_DEFINED_V3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Assessment;
import org.csp.assessment.Polarity;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.EventData;
import org.csp.eventsourcing.projection.UnprocessableEvent;
import org.csp.gateway.quarterly.QuarterlyTables.ComparatorRow;
import org.csp.gateway.quarterly.QuarterlyTables.IndicatorRow;
import org.csp.gateway.quarterly.QuarterlyTables.MeasureRow;
import org.csp.gateway.quarterly.QuarterlyTables.RevisionRow;

/**
 * measures-service's events as the view's rows, the latest per key in a batch. Indicators come from
 * {@code measures.indicator.defined.v1} (flat; given measures-service's defaults: a sum for counts, else a mean, a 5 %
 * tolerance, no targets) and from {@code .defined.v2} and {@code measures.indicator.amended.v1} (the whole definition
 * nested), keeping per indicator what {@link org.csp.assessment.Assessment} needs: unit, frequency, aggregation,
 * polarity, tolerance and targets by financial year. Data points come from {@code measures.measure.recorded.v1} and
 * {@code .revised.v1}: one row per partnership, indicator, geography, period and <em>source</em> (two organisations
 * reporting the same period both count), the highest revision kept. Periods are months, financial quarters and
 * financial years, stored under their canonical labels. Comparators ({@code measures.comparator.recorded.v1}, a Most
 * Similar Family Group's average and limits for an indicator, period and district) one row per key, the highest
 * revision kept; {@code .v2} (with the partnership's figure, rank and group size) and
 * {@code measures.comparator-source.saved.v1} (how an export is read) are ignored for now. Every indicator also keeps its level (district or ward) and sources, which the county feed reports,
 * and its disclosure threshold and public flag (from {@code .defined.v3} and {@code .amended.v2}; not public before).
 */
public final class MeasuresReader {

    static final Set<String> APPLIED = Set.of(
            INDICATOR_DEFINED_V1,
            INDICATOR_DEFINED_V2,
            INDICATOR_AMENDED_V1,
            INDICATOR_DEFINED_V3,
            INDICATOR_AMENDED_V2,
            DATA_POINT_RECORDED_V1,
            DATA_POINT_REVISED_V1,
            COMPARATOR_RECORDED_V1,
            COMPARATOR_RECORDED_V2);

    /** A catalogue import's revision (its indicators come as their own events) and a comparator source's mapping. */
    static final Set<String> IGNORED = Set.of(CATALOGUE_REVISED_V1, COMPARATOR_SOURCE_SAVED_V1);

    private static final ObjectMapper EXACT =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** measures.indicator.defined.v1's defaults (as measures-service upcasts it): no targets and a 5 % tolerance. */
    public static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.valueOf(5);

    private final Map<List<String>, IndicatorRow> indicators = new LinkedHashMap<>();
    private final Map<List<String>, MeasureRow> measures = new LinkedHashMap<>();
    private final Map<List<String>, ComparatorRow> comparators = new LinkedHashMap<>();
    private final List<RevisionRow> revisions = new ArrayList<>();

    /** How v1 indicators roll up, and how the view reads an indicator stored without an aggregation. */
    public static String defaultAggregation(String unit) {
        return "count".equals(unit) ? Aggregation.SUM.code() : Aggregation.MEAN.code();
    }

    /** Reads one event of {@link #APPLIED}; a bad one is refused before anything is written. */
    void read(CloudEvent event) {
        EventData f = EventData.of(event);
        String p = event.partnershipId();
        switch (event.type()) {
            case INDICATOR_DEFINED_V1 -> {
                String unit = f.optionalText("unit");
                IndicatorRow i = new IndicatorRow(
                        p,
                        f.text("code"),
                        f.text("title"),
                        f.optionalInteger("priority"),
                        unit,
                        f.optionalText("frequency"),
                        defaultAggregation(unit),
                        f.optionalText("polarity"),
                        DEFAULT_TOLERANCE,
                        "{}",
                        f.optionalText("geographyLevel"),
                        texts(f.texts("sources")),
                        null,
                        false);
                indicators.put(List.of(p, i.code()), i);
            }
            // amended carries the whole definition after the change; v3 and amended.v2 the public flag too
            case INDICATOR_DEFINED_V2, INDICATOR_AMENDED_V1, INDICATOR_DEFINED_V3, INDICATOR_AMENDED_V2 -> {
                EventData d = f.object("definition");
                BigDecimal tolerance = d.optionalDecimal("tolerance");
                IndicatorRow i = new IndicatorRow(
                        p,
                        f.text("code"),
                        d.text("title"),
                        d.optionalInteger("priority"),
                        d.text("unit"),
                        d.parsed("frequency", c -> ReportingPeriod.Kind.ofFrequency(c) == null ? null : c),
                        d.parsed("aggregation", Aggregation::of).code(),
                        d.parsed("polarity", Polarity::of).code(),
                        tolerance == null ? DEFAULT_TOLERANCE : tolerance,
                        targets(d),
                        d.optionalText("geographyLevel"),
                        texts(d.texts("sources")),
                        d.optionalInteger("disclosureThreshold"),
                        Boolean.TRUE.equals(d.optionalBoolean("public")));
                indicators.put(List.of(p, i.code()), i);
            }
            // a data point is one source's figure for an indicator, geography and period; a revision replaces it
            case DATA_POINT_RECORDED_V1, DATA_POINT_REVISED_V1 -> {
                ReportingPeriod period =
                        f.parsed("period", t -> ReportingPeriod.parse(t).orElse(null));
                MeasureRow m = new MeasureRow(
                        p,
                        f.text("indicatorCode"),
                        f.text("geography"),
                        period.label(),
                        f.text("source"),
                        period.quarter().map(FinancialQuarter::label).orElse(null),
                        f.decimal("value"),
                        f.optionalText("status"),
                        f.integer("revision"));
                measures.merge(
                        List.of(p, m.code(), m.geography(), m.period(), m.source()),
                        m,
                        (a, b) -> b.revision() >= a.revision() ? b : a);
                revisions.add(new RevisionRow(
                        p,
                        m.code(),
                        m.geography(),
                        m.period(),
                        m.source(),
                        m.revision(),
                        m.quarter(),
                        m.value(),
                        event.time().atOffset(ZoneOffset.UTC)));
            }
            // v1 has the group's figures only; v2 the partnership's own figure, rank and group size too
            case COMPARATOR_RECORDED_V1, COMPARATOR_RECORDED_V2 -> {
                ComparatorRow c = new ComparatorRow(
                        p,
                        f.text("indicatorCode"),
                        f.text("geography"),
                        f.parsed(
                                "period",
                                t -> ReportingPeriod.parse(t)
                                        .map(ReportingPeriod::label)
                                        .orElse(null)),
                        f.optionalDecimal("value"),
                        f.decimal("average"),
                        f.decimal("lower"),
                        f.decimal("upper"),
                        f.optionalInteger("rank"),
                        f.optionalInteger("groupSize"),
                        f.optionalText("source"),
                        f.integer("revision"));
                comparators.merge(
                        List.of(p, c.code(), c.geography(), c.period()),
                        c,
                        (a, b) -> b.revision() >= a.revision() ? b : a);
            }
            default -> throw new UnprocessableEvent(event, "not a type of the quarterly view");
        }
    }

    /**
     * What the assessment needs of an indicator as the view stores it ({@code aggregation} already defaulted, see
     * {@link #defaultAggregation}); empty when its polarity, frequency or aggregation is not known (a legacy
     * definition). A stored null tolerance is measures.indicator.defined.v1's default.
     */
    public static Optional<Assessment.Basis> basis(
            String polarity,
            String frequency,
            String aggregation,
            BigDecimal tolerance,
            Map<String, BigDecimal> targets) {
        Polarity p = Polarity.of(polarity);
        ReportingPeriod.Kind kind = ReportingPeriod.Kind.ofFrequency(frequency);
        Aggregation a = Aggregation.of(aggregation);
        if (p == null || kind == null || a == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Assessment.Basis(p, a, kind.perYear(), tolerance == null ? DEFAULT_TOLERANCE : tolerance, targets));
    }

    /** The targets by financial year, as {@link #targets} stored them (a JSON object; null: none). */
    public static Map<String, BigDecimal> targetsOf(String json) {
        Map<String, BigDecimal> targets = new TreeMap<>();
        if (json != null) {
            stored(json)
                    .properties()
                    .forEach(t -> targets.put(t.getKey(), t.getValue().decimalValue()));
        }
        return targets;
    }

    /** The texts, as {@link #texts} stored them (a JSON array; null: none). */
    public static List<String> textsOf(String json) {
        List<String> texts = new ArrayList<>();
        if (json != null) {
            stored(json).forEach(t -> texts.add(t.asText()));
        }
        return texts;
    }

    private static JsonNode stored(String json) {
        try {
            return EXACT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored value of the quarterly view is not JSON: " + json, e);
        }
    }

    /** A list of texts as the JSON array the read model stores. */
    static String texts(List<String> texts) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        texts.forEach(json::add);
        return json.toString();
    }

    /** Targets by financial year ({@code {"2024/25": 350}}; absent or null: none) as a JSON object, the years in order. */
    private static String targets(EventData definition) {
        SortedMap<String, BigDecimal> targets = definition.numbers("targets");
        ObjectNode json = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        targets.forEach((year, target) -> {
            if (!year.matches("\\d{4}/\\d{2}")) {
                throw definition.unprocessable("targets", "is not a number by financial year");
            }
            json.put(year, target);
        });
        return json.toString();
    }

    Collection<IndicatorRow> indicators() {
        return indicators.values();
    }

    Collection<MeasureRow> measures() {
        return measures.values();
    }

    /** Every revision of the batch's data points, as recorded and when. */
    List<RevisionRow> revisions() {
        return revisions;
    }

    Collection<ComparatorRow> comparators() {
        return comparators.values();
    }
}
