package org.csp.assessment.disclosure;

import static org.csp.assessment.disclosure.Cell.Reason.PRIMARY;
import static org.csp.assessment.disclosure.Cell.Reason.SECONDARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rules of {@link DisclosureControl} case by case; {@link DisclosureControlPropertyTest} for generated tables. */
class DisclosureControlTest {

    private static final String COUNTY = "C";

    /** A ward below the threshold under a published district: the district's other smallest ward goes too. */
    @Test
    void aSmallWardTakesItsSmallestSiblingWithIt() {
        CountTable table = district("D", Map.of("W1", 4L, "W2", 25L, "W3", 12L, "W4", 30L));
        assertEquals(
                Map.of("D", 71L, "W1", PRIMARY, "W2", 25L, "W3", SECONDARY, "W4", 30L),
                shown(DisclosureControl.column(table, null)));
    }

    /** 0 is published, and a 0 is never the complement while a count that is not 0 is left: it would protect nothing. */
    @Test
    void zeroIsPublishedAndIsNoComplement() {
        CountTable table = district("D", Map.of("W1", 3L, "W2", 0L, "W3", 0L, "W4", 50L));
        assertEquals(
                Map.of("D", 53L, "W1", PRIMARY, "W2", 0L, "W3", 0L, "W4", SECONDARY),
                shown(DisclosureControl.column(table, null)));
    }

    /** Equal counts: the complement is the first by area code. */
    @Test
    void equalCountsAreChosenByAreaCode() {
        CountTable table = district("D", Map.of("W1", 5L, "W3", 20L, "W2", 20L));
        assertEquals(
                Map.of("D", 45L, "W1", PRIMARY, "W2", SECONDARY, "W3", 20L),
                shown(DisclosureControl.column(table, null)));
    }

    /**
     * A district below the threshold in a published county: another district goes too, and since that one is the sum
     * of published wards, its smallest ward with it (a suppressed whole never has all its parts published).
     */
    @Test
    void aSuppressedDistrictsWardsAreNotAllPublished() {
        List<Area> areas = new ArrayList<>(List.of(
                new Area(COUNTY, null),
                new Area("D1", COUNTY),
                new Area("D2", COUNTY),
                new Area("D3", COUNTY),
                new Area("W21", "D2"),
                new Area("W22", "D2")));
        CountTable table =
                CountTable.of(areas, Map.of(COUNTY, 145L, "D1", 5L, "D2", 40L, "D3", 100L, "W21", 15L, "W22", 25L));
        assertEquals(
                Map.of(COUNTY, 145L, "D1", PRIMARY, "D2", SECONDARY, "D3", 100L, "W21", SECONDARY, "W22", 25L),
                shown(DisclosureControl.column(table, null)));
    }

    /**
     * A whole below the threshold with one part that is not 0: both are suppressed, each could be anything from 1 to 9;
     * the 0 is published (suppressed, it would be known to be 0 all the same).
     */
    @Test
    void aSmallWholeAndItsOnlyPartHideEachOther() {
        CountTable table = CountTable.of(
                List.of(new Area(COUNTY, null), new Area("D1", COUNTY), new Area("D2", COUNTY)),
                Map.of(COUNTY, 7L, "D1", 7L, "D2", 0L));
        assertEquals(Map.of(COUNTY, PRIMARY, "D1", PRIMARY, "D2", 0L), shown(DisclosureControl.column(table, null)));
    }

    /**
     * Two small wards that add up to 2 are both 1, whatever else is published: a third cell goes, though the sum
     * already has two suppressed.
     */
    @Test
    void twoSuppressedCountsThatPinEachOtherTakeAThird() {
        CountTable table = district("D", Map.of("W1", 1L, "W2", 1L, "W3", 30L, "W4", 40L));
        assertEquals(
                Map.of("D", 72L, "W1", PRIMARY, "W2", PRIMARY, "W3", SECONDARY, "W4", 40L),
                shown(DisclosureControl.column(table, null)));
    }

    /** A primary beside the threshold itself: 1 + 10 = 11 leaves only 1 and 10, so a third cell goes. */
    @Test
    void aComplementAtTheThresholdIsNotEnoughForAOne() {
        CountTable table = district("D", Map.of("W1", 1L, "W2", 10L, "W3", 30L));
        assertEquals(
                Map.of("D", 41L, "W1", PRIMARY, "W2", SECONDARY, "W3", SECONDARY),
                shown(DisclosureControl.column(table, null)));
    }

    /** The indicator's threshold raises the ONS one, never lowers it. */
    @Test
    void theIndicatorsThresholdOnlyRaisesTen() {
        assertEquals(10, DisclosureControl.smallestShown(null));
        assertEquals(10, DisclosureControl.smallestShown(5));
        assertEquals(10, DisclosureControl.smallestShown(0));
        assertEquals(20, DisclosureControl.smallestShown(20));
        CountTable table = CountTable.of(List.of(new Area("A", null), new Area("B", null)), Map.of("A", 7L, "B", 15L));
        assertEquals(Map.of("A", PRIMARY, "B", 15L), shown(DisclosureControl.column(table, 5)));
        assertEquals(Map.of("A", PRIMARY, "B", PRIMARY), shown(DisclosureControl.column(table, 20)));
        assertEquals("a count from 1 to 19", PRIMARY.describe(DisclosureControl.smallestShown(20)));
    }

    /** A table whose district is not the sum of its wards is refused: its wards are left out instead. */
    @Test
    void aWholeThatIsNotItsPartsIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CountTable.of(
                        List.of(new Area("D", null), new Area("W1", "D"), new Area("W2", "D")),
                        Map.of("D", 30L, "W1", 12L, "W2", 12L)));
    }

    private static CountTable district(String district, Map<String, Long> wards) {
        List<Area> areas = new ArrayList<>(List.of(new Area(district, null)));
        Map<String, Long> counts = new LinkedHashMap<>(wards);
        wards.keySet().forEach(w -> areas.add(new Area(w, district)));
        counts.put(district, wards.values().stream().mapToLong(Long::longValue).sum());
        return CountTable.of(areas, counts);
    }

    /** Each area's published count, or the reason it is suppressed. */
    private static Map<String, Object> shown(List<Cell> cells) {
        Map<String, Object> shown = new TreeMap<>();
        cells.forEach(c -> shown.put(
                c.area(),
                switch (c) {
                    case Cell.Published p -> p.value();
                    case Cell.Suppressed s -> s.reason();
                }));
        return shown;
    }
}
