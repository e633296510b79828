package org.csp.measures.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.csp.measures.indicator.CatalogueFile;
import org.csp.partnership.PartnershipRegistry;
import org.junit.jupiter.api.Test;

/** Which partnerships a catalogue file is of: the one it names, or every one of the partnerships file. */
class IndicatorSeedTest {

    private static final IndicatorSeed SEED =
            new IndicatorSeed(null, null, new ObjectMapper(), () -> List.of(), PartnershipRegistry.load());

    private static CatalogueFile file(String partnership, Boolean every) {
        return new CatalogueFile(CatalogueFile.FORMAT, "test", partnership, every, List.of(), List.of(), List.of());
    }

    @Test
    void theCountyCoreSetIsOfEveryPartnershipAndAPartnershipsOwnFileOfItsOwn() {
        CatalogueFile core = IndicatorSeed.read(new ObjectMapper(), "indicators/county-core.json");
        assertEquals(
                List.of("cheltenham", "cotswold", "forest-of-dean", "gloucester", "stroud", "tewkesbury"),
                SEED.partnershipsOf("core", core));
        assertTrue(core.indicators().stream().allMatch(i -> i.priority() == null), "no core indicator has a priority");
        CatalogueFile stroud = IndicatorSeed.read(new ObjectMapper(), "seed/stroud-indicators.json");
        assertEquals(List.of("stroud"), SEED.partnershipsOf("stroud", stroud));
    }

    @Test
    void aFileOfBothNeitherOrAnUnknownPartnershipStopsTheStart() {
        for (CatalogueFile wrong : List.of(file("stroud", true), file(null, null), file(null, false))) {
            assertThrows(IllegalStateException.class, () -> SEED.partnershipsOf("wrong", wrong));
        }
        IllegalStateException unknown =
                assertThrows(IllegalStateException.class, () -> SEED.partnershipsOf("f", file("bristol", null)));
        assertTrue(unknown.getMessage().contains("bristol"));
    }
}
