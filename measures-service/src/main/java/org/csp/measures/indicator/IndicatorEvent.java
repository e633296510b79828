package org.csp.measures.indicator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to an indicator definition. Stored and published under explicit type strings. */
public sealed interface IndicatorEvent {

    EventTypes<IndicatorEvent> TYPES = EventTypes.<IndicatorEvent>builder()
            .register(MeasuresEventTypes.INDICATOR_DEFINED_V3, IndicatorDefined.class)
            .register(MeasuresEventTypes.INDICATOR_AMENDED_V2, IndicatorAmended.class)
            .upcast(
                    MeasuresEventTypes.INDICATOR_DEFINED_V1,
                    MeasuresEventTypes.INDICATOR_DEFINED_V2,
                    IndicatorEvent::definedV1)
            .upcast(
                    MeasuresEventTypes.INDICATOR_DEFINED_V2,
                    MeasuresEventTypes.INDICATOR_DEFINED_V3,
                    IndicatorEvent::notPublic)
            .upcast(
                    MeasuresEventTypes.INDICATOR_AMENDED_V1,
                    MeasuresEventTypes.INDICATOR_AMENDED_V2,
                    IndicatorEvent::notPublic)
            .build();

    String code();

    IndicatorDefinition definition();

    /**
     * Everything the catalogue says of an indicator. Codes: {@code unit} of {@link Unit}, {@code frequency} of
     * {@link Frequency}, {@code aggregation} and {@code polarity} of the assessment's {@code Aggregation} and
     * {@code Polarity}, {@code geographyLevel} of {@link GeographyLevel}, {@code derivedFrom} of {@link Derivation}
     * (null when partners post its data). {@code sources} are the organisation ids allowed to post its data;
     * {@code baseline} is "same-period-previous-year" or a fixed period; {@code targets} by financial year
     * ("2024/25"); {@code tolerance} the RAG tolerance as a percentage; {@code disclosureThreshold} the smallest count
     * public output may show (null: ONS practice alone, counts from 1 to 9 suppressed; a threshold below 10 changes
     * nothing); {@code isPublic} (JSON {@code public}) whether the public figures show its counts.
     */
    record IndicatorDefinition(
            String title,
            String description,
            Integer priority,
            String unit,
            String frequency,
            String aggregation,
            String polarity,
            List<String> sources,
            String baseline,
            Map<String, BigDecimal> targets,
            BigDecimal tolerance,
            Integer disclosureThreshold,
            @JsonProperty("public") boolean isPublic,
            String geographyLevel,
            String derivedFrom) {
        public IndicatorDefinition {
            sources = List.copyOf(sources);
            targets = targets == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(targets));
        }
    }

    /** A "how will we measure success?" line of the plan as a measurable indicator. */
    record IndicatorDefined(String code, IndicatorDefinition definition) implements IndicatorEvent {}

    /** The coordinator changed the definition; {@code definition} is the whole of it after the change. */
    record IndicatorAmended(String code, IndicatorDefinition definition) implements IndicatorEvent {}

    /**
     * measures.indicator.defined.v1 carried the first fields flat; v2 nests them in a definition and adds the roll-up
     * (a sum for counts, a mean otherwise), targets (none), the tolerance (5 %), no disclosure threshold and the
     * district level, the defaults of the catalogue.
     */
    private static ObjectNode definedV1(ObjectNode v1) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode definition =
                EventTypes.fields(v1, "title", "description", "priority", "unit", "frequency", "polarity");
        definition.put("aggregation", "count".equals(v1.path("unit").asText()) ? "sum" : "mean");
        definition.set("sources", v1.has("sources") ? v1.get("sources") : new ArrayNode(f));
        definition.put("baseline", "same-period-previous-year");
        definition.set("targets", f.objectNode());
        definition.put("tolerance", 5);
        definition.putNull("disclosureThreshold");
        definition.put("geographyLevel", "district");
        definition.putNull("derivedFrom");
        return EventTypes.fields(v1, "code").set("definition", definition);
    }

    /**
     * measures.indicator.defined.v2 and amended.v1 had no public flag: every indicator they define is not public
     * (the flag's default), until a definition of v3 or an amendment of v2 says otherwise.
     */
    private static ObjectNode notPublic(ObjectNode event) {
        event.withObject("/definition").put("public", false);
        return event;
    }
}
