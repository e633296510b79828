package org.csp.measures.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.csp.measures.geography.Geographies.Level;
import org.csp.partnership.PartnershipFile;
import org.csp.partnership.PartnershipFile.Board;
import org.csp.partnership.PartnershipFile.Entry;
import org.csp.partnership.PartnershipRegistry;
import org.junit.jupiter.api.Test;

/** The geography file and the partnerships file agree, or the service does not start. */
class GeographiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "geography/gloucestershire.json";
    private static final Board COUNTY =
            new Board("safer-gloucestershire", "Safer Gloucestershire", "Gloucestershire", "E10000013");

    /** The shipped partnerships, as written, with {@code extra} after them and {@code without} left out. */
    private static PartnershipRegistry partnerships(String without, Entry... extra) {
        List<Entry> entries = new ArrayList<>();
        for (PartnershipRegistry.Partnership p : PartnershipRegistry.load().partnerships()) {
            if (!p.id().equals(without)) {
                entries.add(new Entry(p.id(), p.name(), p.district(), p.gss().code()));
            }
        }
        entries.addAll(List.of(extra));
        return PartnershipRegistry.of(new PartnershipFile(PartnershipFile.FORMAT, COUNTY, entries));
    }

    @Test
    void eachDistrictAndItsWardsBelongToThePartnershipThePartnershipsFileGivesIt() {
        Geographies places = new Geographies(JSON, FILE, PartnershipRegistry.load());
        assertEquals("forest-of-dean", places.find("E07000080").orElseThrow().partnership());
        assertEquals("E07000082", places.districtOf("stroud").orElseThrow().code());
        long stroudWards = places.list("stroud").stream()
                .filter(g -> g.level() == Level.WARD)
                .count();
        assertTrue(stroudWards > 0);
        places.list("stroud").forEach(g -> assertEquals("stroud", g.partnership(), g.code()));
        assertEquals(null, places.find("E10000013").orElseThrow().partnership());
    }

    @Test
    void aDistrictWithoutAPartnershipStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> new Geographies(JSON, FILE, partnerships("tewkesbury")));
        assertTrue(refused.getMessage().contains("E07000083"), refused.getMessage());
    }

    @Test
    void aPartnershipWithoutItsDistrictStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> new Geographies(
                        JSON, FILE, partnerships(null, new Entry("bristol", "Safer Bristol", "Bristol", "E06000023"))));
        assertTrue(refused.getMessage().contains("bristol"), refused.getMessage());
    }

    @Test
    void anotherCountyStopsTheStart() {
        PartnershipRegistry somerset = PartnershipRegistry.of(new PartnershipFile(
                PartnershipFile.FORMAT,
                new Board("safer-somerset", "Safer Somerset", "Somerset", "E10000027"),
                List.of(new Entry("stroud", "Stroud", "Stroud", "E07000082"))));
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new Geographies(JSON, FILE, somerset));
        assertTrue(refused.getMessage().contains("E10000027"), refused.getMessage());
    }
}
