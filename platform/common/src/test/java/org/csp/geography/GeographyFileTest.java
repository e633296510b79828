package org.csp.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Collectors;
import org.csp.partnership.PartnershipRegistry;
import org.junit.jupiter.api.Test;

class GeographyFileTest {

    @Test
    void theShippedFileHoldsTheCountyItsSixDistrictsAndTheirWards() {
        GeographyFile file = GeographyFile.read(new ObjectMapper(), GeographyFile.RESOURCE);
        Map<String, GeographyFile.District> districts =
                file.districts().stream().collect(Collectors.toMap(GeographyFile.District::code, d -> d));
        assertEquals("E10000013", file.county().code());
        assertEquals(6, file.districts().size());
        assertEquals(
                138, file.districts().stream().mapToInt(d -> d.wards().size()).sum());
        assertEquals(27, districts.get("E07000082").wards().size());
        assertFalse(districts.containsKey("E05013187"), "a ward is no district");
        // every district of the file is a partnership's, and the other way round
        PartnershipRegistry partnerships = PartnershipRegistry.load();
        file.districts()
                .forEach(d -> assertTrue(partnerships.byDistrict(d.code()).isPresent(), d.code()));
        partnerships
                .partnerships()
                .forEach(p -> assertTrue(districts.containsKey(p.gss().code()), p.id()));
    }

    @Test
    void aFileOfAnotherFormatStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> GeographyFile.read(
                        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
                        "partnerships/gloucestershire.json"));
        assertTrue(refused.getMessage().contains("csp-geography/2"), refused.getMessage());
    }
}
