package org.csp.measures.indicator;

import java.util.List;
import org.csp.measures.indicator.CatalogueEvent.CatalogueRevised;
import org.csp.measures.indicator.CatalogueEvent.Organisation;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** The catalogue's event keeps the shape of its approved JSON in the event contracts. */
class CatalogueEventSchemaTest {

    @Test
    void everyTypeIsPinned() {
        PinnedJson.assertEveryTypePinned(CatalogueEvent.TYPES);
    }

    @Test
    void revisedV1() {
        PinnedJson.assertMatches(
                CatalogueEvent.TYPES,
                "measures.catalogue.revised.v1",
                new CatalogueRevised(
                        2,
                        "9b2d4f6a8c0e1f3a5b7d9c1e3f5a7b9d0c2e4f6a8b0d2c4e6f8a0b2d4c6e8f0a",
                        "Cotswold District Community Safety Partnership Plan 2024 – 2027, measures of success",
                        List.of("Tolerance 5 %: a change within 5 % of last year is stable/amber."),
                        List.of(new Organisation("cotswold-district-council", "Cotswold District Council")),
                        1,
                        2));
    }
}
