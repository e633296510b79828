package org.csp.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.csp.calendar.FinancialQuarter;
import org.csp.deploy.demo.DemoData.Figure;
import org.csp.deploy.demo.DemoData.Initiative;
import org.csp.deploy.demo.DemoGenerator.District;
import org.csp.deploy.demo.DemoGenerator.Measure;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {

    private static final List<District> DISTRICTS = DemoStart.districts();

    /** A plan of the seed plan's shape: seven initiatives per priority, most for the whole plan, some shorter. */
    private static final List<Initiative> INITIATIVES = initiatives();

    private static List<Initiative> initiatives() {
        List<Initiative> list = new ArrayList<>();
        for (int priority = 1; priority <= 5; priority++) {
            for (int n = 1; n <= 7; n++) {
                LocalDate due = n == 7 ? LocalDate.of(2024, 3, 31) : LocalDate.of(2026, 3, 31);
                list.add(new Initiative(
                        String.format(Locale.ROOT, "P%d-%02d", priority, n), priority, LocalDate.of(2023, 4, 1), due));
            }
        }
        return List.copyOf(list);
    }

    private static DemoData generate(long seed) {
        return DemoGenerator.generate(seed, DISTRICTS, INITIATIVES);
    }

    @Test
    void theSameSeedGivesTheSameTotals() {
        DemoData first = generate(DemoGenerator.SEED);
        DemoData second = generate(DemoGenerator.SEED);
        assertEquals(totals(first.figures()), totals(second.figures()));
        assertEquals(totals(first.revisions()), totals(second.revisions()));
        assertEquals(progressCounts(first), progressCounts(second));
        assertEquals(first.engagements().size(), second.engagements().size());
        assertEquals(
                first.engagements().stream()
                        .mapToInt(e -> e.attendance() == null ? 0 : e.attendance())
                        .sum(),
                second.engagements().stream()
                        .mapToInt(e -> e.attendance() == null ? 0 : e.attendance())
                        .sum());

        assertEquals(
                first.engagements(),
                DemoGenerator.generate(DemoGenerator.SEED, DISTRICTS, List.of()).engagements(),
                "the engagement records do not depend on the plan's initiatives");
        assertNotEquals(
                totals(first.figures()),
                totals(generate(DemoGenerator.SEED + 1).figures()),
                "another seed, another set");
    }

    @Test
    void everyDistrictHasEveryQuarterOfFourYearsForTheCountyIndicators() {
        DemoData set = generate(DemoGenerator.SEED);
        assertEquals(6, DISTRICTS.size());
        Set<FinancialQuarter> quarters = new TreeSet<>();
        for (FinancialQuarter q = DemoGenerator.FIRST;
                q.compareTo(DemoGenerator.LAST) <= 0;
                q = DemoGenerator.next(q)) {
            quarters.add(q);
        }
        assertEquals(16, quarters.size(), "2022/23 Q1 to 2025/26 Q4");
        for (String code : List.of(
                "RECORDED-CRIME", "ASB-INCIDENTS", "SV-VIOLENCE-WITH-INJURY", "DA-INCIDENTS-CRIMES", "HATE-CRIMES")) {
            for (District d : DISTRICTS) {
                Set<FinancialQuarter> covered = set.figures().stream()
                        .filter(f ->
                                f.indicator().equals(code) && f.partnership().equals(d.partnership()))
                        .map(Figure::quarter)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(quarters, covered, code + " in " + d.name());
            }
        }
        int wards = DISTRICTS.stream().mapToInt(d -> d.wards().size()).sum();
        assertEquals(138, wards);
        assertEquals(
                wards * 16 * 4 * 3 + 6 * 16 + 16 * (5 * 3 + 5) + 4,
                set.figures().size(),
                "the county's four monthly indicators by ward and hate crime by district, Stroud's eleven more");
    }

    @Test
    void eachDistrictsQuarterlyTotalsAreWithinTheDocumentedRanges() {
        DemoData set = generate(DemoGenerator.SEED);
        Map<String, Figure> latest = new TreeMap<>();
        set.figures().forEach(f -> latest.put(f.indicator() + " " + f.geography() + " " + f.period(), f));
        set.revisions().forEach(f -> latest.put(f.indicator() + " " + f.geography() + " " + f.period(), f));
        for (List<Figure> figures : List.of(set.figures(), List.copyOf(latest.values()))) {
            Map<String, BigDecimal> quarterly = new TreeMap<>();
            for (Figure f : figures) {
                quarterly.merge(
                        f.indicator() + " " + f.partnership() + " " + f.period().length() + " " + f.quarter(),
                        f.value(),
                        BigDecimal::add);
            }
            quarterly.forEach((key, total) -> {
                Measure m = DemoGenerator.measure(key.substring(0, key.indexOf(' ')));
                assertTrue(
                        total.compareTo(BigDecimal.valueOf(m.low())) >= 0
                                && total.compareTo(BigDecimal.valueOf(m.high())) <= 0,
                        key + ": " + total + " is outside " + m.low() + "–" + m.high());
            });
        }
        BigDecimal stroudAsb = sum(set.figures(), "ASB-INCIDENTS", "stroud");
        assertTrue(
                stroudAsb.compareTo(BigDecimal.valueOf(16 * 200)) > 0
                        && stroudAsb.compareTo(BigDecimal.valueOf(16 * 1000)) < 0,
                "Stroud's police-recorded ASB is in the hundreds a quarter: " + stroudAsb + " in 16 quarters");
    }

    @Test
    void someFiguresAreRevisedToAHigherFinalValueAndEveryTextSaysSynthetic() {
        DemoData set = generate(DemoGenerator.SEED);
        assertFalse(set.revisions().isEmpty());
        assertTrue(set.revisions().size() < set.figures().size() / 10, "some, not most");
        Map<String, Figure> firsts = new TreeMap<>();
        set.figures().forEach(f -> firsts.put(f.indicator() + f.geography() + f.period(), f));
        for (Figure r : set.revisions()) {
            Figure first = firsts.get(r.indicator() + r.geography() + r.period());
            assertTrue(r.value().compareTo(first.value()) > 0, r + " corrects " + first + " upwards");
            assertEquals("final", r.status());
        }
        set.figures()
                .forEach(f -> assertTrue(f.reason().toLowerCase(Locale.ROOT).contains(DemoData.LABEL), f.reason()));
        set.progress().forEach(p -> assertTrue(p.commentary().contains(DemoData.LABEL), p.commentary()));
        set.engagements()
                .forEach(e -> assertTrue(e.outcomes().toLowerCase(Locale.ROOT).contains(DemoData.LABEL)));
        set.surveys().forEach(s -> assertTrue(s.title().contains(DemoData.LABEL)));
    }

    @Test
    void stroudsFamilyGroupIsBesideItsPoliceCountsEachMonth() {
        DemoData set = generate(DemoGenerator.SEED);
        assertEquals(4 * 48, set.comparators().size(), "four monthly police indicators, 48 months");
        for (DemoData.Comparator c : set.comparators()) {
            assertEquals("E07000082", c.geography());
            assertTrue(c.lower().compareTo(c.average()) < 0 && c.average().compareTo(c.upper()) < 0, c.toString());
            assertTrue(c.rank() >= 1 && c.rank() <= c.groupSize(), c.toString());
            BigDecimal wards = set.figures().stream()
                    .filter(f -> f.partnership().equals("stroud")
                            && f.indicator().equals(c.indicator())
                            && f.period().equals(c.period()))
                    .map(Figure::value)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(wards, c.value(), "the group compares Stroud's own month, its wards together: " + c);
        }
    }

    @Test
    void progressFollowsEachInitiativeThroughThePlanAndReviewsCoverItsQuarters() {
        DemoData set = generate(DemoGenerator.SEED);
        Map<String, List<DemoData.Progress>> byInitiative =
                set.progress().stream().collect(Collectors.groupingBy(DemoData.Progress::initiativeId));
        assertEquals(INITIATIVES.size(), byInitiative.size(), "every initiative reports");
        for (Initiative i : INITIATIVES) {
            for (DemoData.Progress p : byInitiative.get(i.id())) {
                assertFalse(p.quarter().firstDay().isAfter(i.due()), p + " within " + i);
                assertFalse(p.quarter().compareTo(DemoGenerator.PLAN_FIRST) < 0, p + " within the plan");
            }
        }
        Set<String> statuses =
                set.progress().stream().map(DemoData.Progress::status).collect(Collectors.toSet());
        assertTrue(statuses.containsAll(Set.of("on-track", "at-risk", "completed")), statuses.toString());
        assertEquals(12, set.reviews().size(), "a review for each quarter of the plan");
        assertEquals(10, set.reviews().stream().filter(DemoData.Review::closed).count(), "the last two open");
        assertEquals(2, set.reviews().getLast().reports().size(), "the last review still misses reports");
        assertTrue(set.engagements().size() >= 16 * 5);
        assertEquals(
                Set.of(
                        "workshop",
                        "public-event",
                        "school-presentation",
                        "hate-awareness-event",
                        "neighbourhood-watch",
                        "media-campaign",
                        "community-payback-project",
                        "checklist-completed"),
                set.engagements().stream().map(DemoData.Engagement::type).collect(Collectors.toSet()));
        assertEquals(3, set.surveys().size());
        assertEquals(4, set.caseReviews().size());
    }

    private static BigDecimal sum(List<Figure> figures, String indicator, String partnership) {
        return figures.stream()
                .filter(f -> f.indicator().equals(indicator) && f.partnership().equals(partnership))
                .map(Figure::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Each indicator's sum over every district and period. */
    private static Map<String, BigDecimal> totals(List<Figure> figures) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        figures.forEach(f -> totals.merge(f.indicator(), f.value(), BigDecimal::add));
        return totals;
    }

    private static Map<String, Long> progressCounts(DemoData set) {
        return set.progress().stream()
                .collect(Collectors.groupingBy(DemoData.Progress::status, TreeMap::new, Collectors.counting()));
    }
}
