package org.csp.measures.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;

/**
 * How a catalogue file differs from the indicators a partnership holds, by code, in the file's order: the codes it
 * holds no indicator for ({@code defined}), those whose definition differs ({@code amended}) and the rest
 * ({@code unchanged}). Indicators the partnership holds and the file does not list are no part of it: a file only adds
 * and changes (data points refer to them).
 */
public record CatalogueDifference(List<String> defined, List<String> amended, List<String> unchanged) {

    public CatalogueDifference {
        defined = List.copyOf(defined);
        amended = List.copyOf(amended);
        unchanged = List.copyOf(unchanged);
    }

    public static CatalogueDifference of(
            Map<String, IndicatorDefinition> wanted, Map<String, IndicatorDefinition> held) {
        List<String> defined = new ArrayList<>();
        List<String> amended = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        wanted.forEach((code, definition) -> {
            IndicatorDefinition current = held.get(code);
            if (current == null) {
                defined.add(code);
            } else if (current.equals(definition)) {
                unchanged.add(code);
            } else {
                amended.add(code);
            }
        });
        return new CatalogueDifference(defined, amended, unchanged);
    }

    public boolean changes() {
        return !defined.isEmpty() || !amended.isEmpty();
    }
}
