package org.csp.measures.indicator;

import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;

/** What can be asked of an indicator; definitions arrive already validated ({@link IndicatorDefinitions}). */
public sealed interface IndicatorCommand {

    /**
     * Add an indicator to the catalogue. {@code fromCatalogueFile}: the start-up load, which leaves an indicator that
     * already exists as it is (the coordinator may have amended it since).
     */
    record DefineIndicator(String code, IndicatorDefinition definition, boolean fromCatalogueFile)
            implements IndicatorCommand {}

    /** Replace the definition with {@code definition} (the current one with the coordinator's changes merged in). */
    record AmendIndicator(String code, IndicatorDefinition definition) implements IndicatorCommand {}
}
