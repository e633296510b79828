package org.csp.gateway.county;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.csp.gateway.county.FeedRows.Comparison;
import org.csp.gateway.county.FeedRows.Definition;
import org.csp.gateway.county.FeedRows.Figure;
import org.csp.gateway.county.FeedRows.Inputs;
import org.csp.gateway.county.FeedRows.Review;
import org.csp.geography.GeographyFile;
import org.csp.geography.GeographyFile.District;
import org.csp.partnership.PartnershipRegistry;
import org.junit.jupiter.api.Test;

/** The county feed's rows from the projection's rows, with the shipped partnerships and geography files. */
class FeedRowsTest {

    private static final PartnershipRegistry REGISTRY = PartnershipRegistry.load();
    private static final GeographyFile GEOGRAPHY = GeographyFile.read(new ObjectMapper(), GeographyFile.RESOURCE);
    private static final List<String> CORE = List.of("RECORDED-CRIME", "HATE-CRIMES");
    private static final String POLICE = "gloucestershire-constabulary";
    private static final String COUNCIL = "stroud-district-council";

    private static District district(String name) {
        return GEOGRAPHY.districts().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Police-recorded crime: monthly, by ward, added up, lower is better, from the police and (Stroud) the council. */
    private static Definition crime(String partnership, List<String> sources, long changed) {
        return new Definition(
                partnership,
                "RECORDED-CRIME",
                "Police-recorded crime",
                "count",
                "monthly",
                "sum",
                "lower-is-better",
                BigDecimal.valueOf(5),
                Map.of("2024/25", BigDecimal.valueOf(2000)),
                "ward",
                sources,
                changed);
    }

    private static Figure figure(String partnership, String place, String month, int value, long changed) {
        return new Figure(partnership, "RECORDED-CRIME", place, month, POLICE, BigDecimal.valueOf(value), changed);
    }

    private static List<FeedRow> rows(String level, String since, Inputs inputs) {
        return FeedRows.of(FeedQuery.parse("2024-25-Q2", level, null, since), REGISTRY, GEOGRAPHY, CORE, inputs);
    }

    private static Inputs everyPartnershipDefinesCrime(List<Figure> figures, List<Comparison> comparisons) {
        List<Definition> definitions = new ArrayList<>();
        REGISTRY.partnerships()
                .forEach(p -> definitions.add(
                        crime(p.id(), p.id().equals("stroud") ? List.of(POLICE, COUNCIL) : List.of(POLICE), 1)));
        return new Inputs(
                definitions, figures, comparisons, List.of(new Review("stroud", "closed", 4, 5, Instant.EPOCH, 2)));
    }

    @Test
    void aDistrictsFigureIsItsOwnWherePostedElseItsWardsAddedUpAndTheCountyAddsUpItsDistrictsOnce() {
        District stroud = district("Stroud");
        District cotswold = district("Cotswold");
        List<Figure> figures = List.of(
                // Stroud posted its own district figure for July and its wards' figures for July and August
                figure("stroud", stroud.code(), "2024-07", 100, 3),
                figure("stroud", stroud.wards().get(0).code(), "2024-07", 60, 3),
                figure("stroud", stroud.wards().get(1).code(), "2024-07", 30, 3),
                figure("stroud", stroud.wards().get(0).code(), "2024-08", 7, 4),
                // Cotswold: only two wards, July; and last year's July from its district
                figure("cotswold", cotswold.wards().get(0).code(), "2024-07", 11, 5),
                figure("cotswold", cotswold.wards().get(1).code(), "2024-07", 13, 6),
                figure("cotswold", cotswold.code(), "2023-07", 20, 2));
        List<FeedRow> rows = rows(null, null, everyPartnershipDefinesCrime(figures, List.of()));

        assertEquals(6, rows.size());
        assertEquals(
                List.of("E07000078", "E07000079", "E07000080", "E07000081", "E07000082", "E07000083"),
                rows.stream().map(FeedRow::geography).toList());
        FeedRow s = rows.get(4);
        // July is the district's own 100 (not 100 + 60 + 30), August the one ward's 7
        assertEquals(new BigDecimal("107"), s.value());
        assertEquals("district-and-wards", s.figuresFrom());
        assertEquals(1, s.wardsReported());
        assertEquals(stroud.wards().size(), s.wardsExpected());
        assertEquals(2, s.periodsReported());
        assertEquals(List.of(COUNCIL), s.sourcesMissing());
        assertEquals(new BigDecimal("500"), s.target());
        assertEquals("green", s.rag());
        assertEquals("closed", s.reviewState());
        assertEquals(4, s.reviewReportsSubmitted());
        assertEquals(5, s.reviewReportsExpected());
        assertEquals("stroud", s.partnership());
        assertEquals("E07000082", s.partnershipGss());
        assertEquals(4, s.changed());

        FeedRow c = rows.get(1);
        assertEquals(new BigDecimal("24"), c.value());
        assertEquals("wards", c.figuresFrom());
        assertEquals(2, c.wardsReported());
        assertEquals(new BigDecimal("20"), c.sameQuarterLastYear());
        assertEquals("worsening", c.direction());
        assertEquals(List.of(), c.sourcesMissing());
        assertEquals("not-opened", c.reviewState());
        assertEquals(6, c.changed());

        FeedRow none = rows.get(0);
        assertNull(none.value());
        assertEquals("none", none.figuresFrom());
        assertEquals(List.of(POLICE), none.sourcesMissing());

        List<FeedRow> county = rows("county", null, everyPartnershipDefinesCrime(figures, List.of()));
        assertEquals(1, county.size());
        assertEquals("E10000013", county.getFirst().geography());
        assertEquals("safer-gloucestershire", county.getFirst().partnership());
        assertEquals(new BigDecimal("131"), county.getFirst().value());
        assertEquals("districts", county.getFirst().figuresFrom());
        assertEquals(2, county.getFirst().districtsReported());
        assertEquals(6, county.getFirst().districtsExpected());
        assertNull(county.getFirst().target());
    }

    @Test
    void wardRowsAreEveryWardOfEveryDistrictForAnIndicatorReportedByWard() {
        District stroud = district("Stroud");
        List<FeedRow> rows = rows(
                "ward",
                null,
                everyPartnershipDefinesCrime(
                        List.of(figure("stroud", stroud.wards().get(2).code(), "2024-09", 9, 3)), List.of()));

        assertEquals(
                GEOGRAPHY.districts().stream().mapToInt(d -> d.wards().size()).sum(), rows.size());
        FeedRow ward = rows.stream()
                .filter(r -> r.geography().equals(stroud.wards().get(2).code()))
                .findFirst()
                .orElseThrow();
        assertEquals(new BigDecimal("9"), ward.value());
        assertEquals("own", ward.figuresFrom());
        assertEquals(stroud.wards().get(2).name(), ward.geographyName());
        assertNull(ward.target());
    }

    @Test
    void theFamilyGroupPlacesTheLatestComparedPeriodOfTheQuarterAndARowChangedBeforeTheCursorIsLeftOut() {
        District stroud = district("Stroud");
        List<Figure> figures = List.of(
                figure("stroud", stroud.code(), "2024-07", 80, 3), figure("stroud", stroud.code(), "2024-08", 95, 3));
        List<Comparison> comparisons = List.of(
                new Comparison(
                        "stroud",
                        "RECORDED-CRIME",
                        stroud.code(),
                        "2024-07",
                        null,
                        BigDecimal.valueOf(70),
                        BigDecimal.valueOf(60),
                        BigDecimal.valueOf(85),
                        null,
                        null,
                        7),
                new Comparison(
                        "stroud",
                        "RECORDED-CRIME",
                        stroud.code(),
                        "2024-08",
                        BigDecimal.valueOf(95),
                        BigDecimal.valueOf(70),
                        BigDecimal.valueOf(60),
                        BigDecimal.valueOf(85),
                        4,
                        15,
                        8));
        List<FeedRow> rows = rows(null, null, everyPartnershipDefinesCrime(figures, comparisons));

        FeedRow s = rows.get(4);
        // August's 95 (as the group gave it) is above the group's 60 to 85: worse than similar areas, lower being
        // better
        assertEquals("2024-08", s.familyGroupPeriod());
        assertEquals(new BigDecimal("95"), s.familyGroupValue());
        assertEquals("above", s.familyGroupPosition());
        assertEquals("worse", s.familyGroupReading());
        assertEquals(4, s.familyGroupRank());
        assertEquals(8, s.changed());

        // every other row was last changed at tick 1 (the definitions), Stroud's at 8 (August's comparator)
        assertEquals(
                List.of("stroud"),
                rows(null, "1-7", everyPartnershipDefinesCrime(figures, comparisons)).stream()
                        .map(FeedRow::partnership)
                        .toList());
        assertEquals(List.of(), rows(null, "1-8", everyPartnershipDefinesCrime(figures, comparisons)));
    }
}
