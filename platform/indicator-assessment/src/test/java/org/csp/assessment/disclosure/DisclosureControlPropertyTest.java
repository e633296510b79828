package org.csp.assessment.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated tables ({@link Tables}): no suppressed count can be worked out, by an attacker who knows the rules
 * ({@link Attacker}, exact); nothing from 1 to the threshold less one is published; a published count is the table's;
 * a column never depends on the other period's. Each property runs over thousands of tables generated from a fixed
 * seed: a run never passes or fails by chance, and a failure names the table.
 */
class DisclosureControlPropertyTest {

    @Test
    void noSuppressedCountCanBeWorkedOut() {
        Tables tables = new Tables(20250401);
        for (int i = 0; i < 2000; i++) {
            CountTable table = tables.table(4, 5);
            Integer threshold = tables.threshold();
            long smallestShown = DisclosureControl.smallestShown(threshold);
            List<Cell> cells = DisclosureControl.column(table, threshold);
            Map<String, BitSet> possible = new Attacker(table, cells, smallestShown).possibleValues();
            for (Cell cell : cells) {
                BitSet values = possible.get(cell.area());
                assertTrue(
                        values.get(Math.toIntExact(table.counts().get(cell.area()))),
                        "the true count is possible: " + cell);
                if (cell instanceof Cell.Suppressed) {
                    assertTrue(
                            values.cardinality() > 1,
                            cell + " can be worked out as " + values + " from " + cells + " of " + table.counts()
                                    + " (threshold " + threshold + ")");
                }
            }
        }
    }

    @Test
    void noSmallCountIsPublishedAndPublishedCountsAreTheTables() {
        Tables tables = new Tables(20250402);
        for (int i = 0; i < 1000; i++) {
            CountTable table = tables.table(4, 5);
            Integer threshold = tables.threshold();
            long smallestShown = DisclosureControl.smallestShown(threshold);
            List<Cell> cells = DisclosureControl.column(table, threshold);
            assertEquals(
                    table.counts().keySet().stream().toList(),
                    cells.stream().map(Cell::area).toList());
            for (Cell cell : cells) {
                long count = table.counts().get(cell.area());
                switch (cell) {
                    case Cell.Published p -> {
                        assertEquals(count, p.value());
                        assertFalse(count >= 1 && count < smallestShown, "published a small count: " + p);
                    }
                    case Cell.Suppressed s ->
                        assertEquals(
                                count >= 1 && count < smallestShown ? Cell.Reason.PRIMARY : Cell.Reason.SECONDARY,
                                s.reason(),
                                "the reason of " + s + " (count " + count + ")");
                }
            }
        }
    }

    /** Last year's column is suppressed from its own counts: whatever this year's are, it is the same. */
    @Test
    void aPeriodIsDecidedFromItsOwnCountsAlone() {
        Tables tables = new Tables(20250403);
        for (int i = 0; i < 500; i++) {
            CountTable lastYear = tables.table(4, 5);
            CountTable thisYear = tables.table(4, 5);
            CountTable nextYear = tables.table(4, 5);
            Integer threshold = tables.threshold();
            Map<String, List<Cell>> now =
                    DisclosureControl.publish(Map.of("2023/24 Q2", lastYear, "2024/25 Q2", thisYear), threshold);
            Map<String, List<Cell>> later =
                    DisclosureControl.publish(Map.of("2024/25 Q2", thisYear, "2025/26 Q2", nextYear), threshold);
            assertEquals(now.get("2024/25 Q2"), later.get("2024/25 Q2"));
            assertEquals(DisclosureControl.column(lastYear, threshold), now.get("2023/24 Q2"));
        }
    }

    /** The attacker's two passes are exact: on small tables they find what trying every value finds. */
    @Test
    void theAttackersPassesAreWhatEnumerationFinds() {
        Tables tables = new Tables(20250404);
        int compared = 0;
        for (int i = 0; i < 400; i++) {
            CountTable table = tables.table(2, 2);
            Integer threshold = tables.threshold();
            long smallestShown = DisclosureControl.smallestShown(threshold);
            List<Cell> cells = DisclosureControl.column(table, threshold);
            if (cells.stream().filter(c -> c instanceof Cell.Suppressed).count() > 3) {
                continue; // too many to try every value of
            }
            Attacker attacker = new Attacker(table, cells, smallestShown);
            assertEquals(attacker.bruteForce(), attacker.possibleValues(), "of " + table.counts() + " as " + cells);
            compared++;
        }
        assertTrue(compared > 200, "enough small tables were compared: " + compared);
    }
}
