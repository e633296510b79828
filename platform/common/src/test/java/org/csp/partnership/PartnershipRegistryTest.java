package org.csp.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.csp.partnership.PartnershipFile.Board;
import org.csp.partnership.PartnershipFile.Entry;
import org.csp.partnership.PartnershipRegistry.Partnership;
import org.junit.jupiter.api.Test;

class PartnershipRegistryTest {

    private static final Board COUNTY =
            new Board("safer-gloucestershire", "Safer Gloucestershire", "Gloucestershire", "E10000013");

    @Test
    void theShippedFileHoldsTheSixDistrictsOfGloucestershireAndTheCountyBoard() {
        PartnershipRegistry registry = PartnershipRegistry.load();
        Map<String, String> codes = registry.partnerships().stream()
                .collect(Collectors.toMap(Partnership::id, p -> p.gss().code()));
        assertEquals(
                Map.of(
                        "cheltenham", "E07000078",
                        "cotswold", "E07000079",
                        "forest-of-dean", "E07000080",
                        "gloucester", "E07000081",
                        "stroud", "E07000082",
                        "tewkesbury", "E07000083"),
                codes);
        assertEquals("safer-gloucestershire", registry.county().id());
        assertEquals("E10000013", registry.county().gss().code());
        assertEquals("Stroud", registry.byDistrict("E07000082").orElseThrow().district());
        assertEquals(
                "Forest of Dean", registry.byId("forest-of-dean").orElseThrow().district());
        assertTrue(registry.contains("tewkesbury"));
        assertFalse(registry.contains("bristol"));
        assertFalse(registry.contains("safer-gloucestershire"), "the county board is not a district's partnership");
        assertTrue(registry.byDistrict("E10000013").isEmpty());
    }

    @Test
    void anotherDistrictIsALineOfData() {
        PartnershipRegistry registry = PartnershipRegistry.of(new PartnershipFile(
                PartnershipFile.FORMAT,
                COUNTY,
                List.of(
                        new Entry("stroud", "Stroud District CSP", "Stroud", "E07000082"),
                        new Entry("bristol", "Safer Bristol", "Bristol", "E06000023"))));
        assertEquals(
                List.of("stroud", "bristol"),
                registry.partnerships().stream().map(Partnership::id).toList());
        assertEquals("bristol", registry.byDistrict("E06000023").orElseThrow().id());
    }

    @Test
    void aFileWithMistakesIsRefusedNamingEveryOne() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> PartnershipRegistry.of(new PartnershipFile(
                        "csp-partnerships/0",
                        new Board("safer-gloucestershire", "Safer Gloucestershire", "Gloucestershire", "E07000082"),
                        List.of(
                                new Entry("stroud", "Stroud District CSP", "Stroud", "E07000082"),
                                new Entry("stroud", "Another", "Cotswold", "E07000079"),
                                new Entry("Cheltenham", " ", "Cheltenham", "E05004288"),
                                new Entry("gloucester", "Gloucester CSP", "Gloucester", "E07000082")))));
        String message = refused.getMessage();
        for (String mistake : List.of(
                "format must be csp-partnerships/1",
                "county.gss must be a county's code (E10): E07000082",
                "partnerships[1].id repeats stroud",
                "partnerships[2].id must be a lower-case id",
                "partnerships[2].name is missing",
                "partnerships[2].gss must be a district's code (E06 to E09): E05004288",
                "partnerships[3].gss repeats E07000082")) {
            assertTrue(message.contains(mistake), () -> "expected '" + mistake + "' in: " + message);
        }
    }

    @Test
    void aFileWithoutPartnershipsOrCountyIsRefused() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> PartnershipRegistry.of(new PartnershipFile(PartnershipFile.FORMAT, null, null)));
        assertTrue(refused.getMessage().contains("county is missing"));
        assertTrue(refused.getMessage().contains("partnerships must list at least one partnership"));
    }
}
