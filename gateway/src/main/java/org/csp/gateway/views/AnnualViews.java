package org.csp.gateway.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.csp.assessment.Assessment;
import org.csp.assessment.Reading;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.gateway.quarterly.MeasuresReader;
import org.csp.gateway.quarterly.QuarterlyViewProjection;
import org.csp.gateway.quarterly.ViewCache;
import org.csp.gateway.quarterly.ViewClock;
import org.csp.gateway.views.PartnershipViews.Read;
import org.csp.gateway.views.PartnershipViews.Tagged;
import org.csp.gateway.views.PriorityView.CaseReviewSummary;
import org.csp.gateway.views.PriorityView.EngagementSummary;
import org.csp.gateway.views.PriorityView.IndicatorView;
import org.csp.gateway.views.PriorityView.InitiativeView;

/**
 * Reads a financial year from the live generation of the quarterly projection, in one consistent read: the year's four
 * quarters as the quarterly view reads them (live), put together. A year's indicator value is its quarters' taken
 * together by the indicator's roll-up, assessed against the year before and the year's target by the shared rule, as
 * an annual figure.
 */
@ApplicationScoped
public class AnnualViews {

    static final String FORMAT = "annual-view/1";

    private final Pool pool;
    private final PartnershipViews quarters;
    private final ViewCache years;

    public AnnualViews(Pool pool, PartnershipViews quarters, ObjectMapper json) {
        this.years = new ViewCache(json, 16);
        this.pool = pool;
        this.quarters = quarters;
    }

    /** {@code year}: the first quarter of the financial year. */
    public Uni<Tagged<byte[]>> read(String partnership, FinancialQuarter year, String ifNoneMatch) {
        return ProjectionRunner.read(
                pool,
                QuarterlyViewProjection.NAME,
                tx -> ViewClock.read(tx).flatMap(clock -> {
                    String etag = clock.etag(FORMAT, partnership + "|" + year.financialYear(), "json");
                    if (ViewClock.matches(ifNoneMatch, etag)) {
                        return Uni.createFrom().item(new Tagged<byte[]>(etag, clock.changedAt(), null));
                    }
                    return years.get(
                                    etag,
                                    () -> reads(tx, partnership, year)
                                            .flatMap(reads -> bases(tx, partnership)
                                                    .map(bases -> assemble(partnership, year, reads, bases))))
                            .map(view -> new Tagged<>(etag, clock.changedAt(), view));
                }));
    }

    /** The four quarters, one after the other on the one connection. */
    private Uni<List<Read>> reads(SqlConnection tx, String partnership, FinancialQuarter year) {
        List<Read> reads = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int q = 1; q <= 4; q++) {
            FinancialQuarter quarter = new FinancialQuarter(year.startYear(), q);
            chain = chain.flatMap(ignored -> quarters.read(tx, partnership, quarter, ViewAsAt.parse("live"))
                    .invoke(reads::add)
                    .replaceWithVoid());
        }
        return chain.map(ignored -> reads);
    }

    /** What the annual assessment needs of each indicator: its rule as an annual figure. */
    private static Uni<Map<String, Assessment.Basis>> bases(SqlConnection tx, String partnership) {
        return tx.preparedQuery("""
                        SELECT code, unit, frequency, aggregation, polarity, tolerance, targets::text AS targets
                          FROM indicator WHERE partnership_id = $1""").execute(Tuple.of(partnership)).map(rows -> {
            Map<String, Assessment.Basis> bases = new HashMap<>();
            for (Row r : rows) {
                String aggregation = r.getString("aggregation") != null
                        ? r.getString("aggregation")
                        : MeasuresReader.defaultAggregation(r.getString("unit"));
                MeasuresReader.basis(
                                r.getString("polarity"),
                                r.getString("frequency"),
                                aggregation,
                                r.getBigDecimal("tolerance"),
                                MeasuresReader.targetsOf(r.getString("targets")))
                        .ifPresent(b -> bases.put(
                                r.getString("code"),
                                new Assessment.Basis(b.polarity(), b.aggregation(), 1, b.tolerance(), b.targets())));
            }
            return bases;
        });
    }

    private static AnnualView assemble(
            String partnership, FinancialQuarter year, List<Read> reads, Map<String, Assessment.Basis> bases) {
        Read last = reads.getLast();
        List<AnnualView.Priority> priorities = new ArrayList<>();
        for (PriorityView p : last.result().priorities()) {
            List<PriorityView> each = reads.stream()
                    .map(r -> r.result().priorities().stream()
                            .filter(x -> x.number() == p.number())
                            .findFirst()
                            .orElse(null))
                    .toList();
            priorities.add(new AnnualView.Priority(
                    p.number(),
                    p.title(),
                    indicators(year, each, bases),
                    initiatives(p.initiatives()),
                    engagement(each.stream()
                            .filter(x -> x != null)
                            .map(PriorityView::engagement)
                            .toList()),
                    each.stream()
                            .filter(x -> x != null)
                            .flatMap(x -> x.consultations().stream())
                            .toList()));
        }
        return new AnnualView(
                partnership,
                year.financialYear(),
                year.firstDay(),
                new FinancialQuarter(year.startYear(), 4).lastDay(),
                reviews(year, reads),
                priorities,
                engagement(reads.stream()
                        .map(r -> r.result().totals().engagement())
                        .toList()),
                reads.stream()
                        .mapToInt(r -> r.result().totals().consultationsClosed())
                        .sum(),
                caseReviews(reads.stream()
                        .map(r -> r.result().totals().caseReviews())
                        .toList()));
    }

    private static List<AnnualView.QuarterReview> reviews(FinancialQuarter year, List<Read> reads) {
        List<AnnualView.QuarterReview> reviews = new ArrayList<>();
        for (int q = 0; q < reads.size(); q++) {
            reviews.add(new AnnualView.QuarterReview(
                    new FinancialQuarter(year.startYear(), q + 1).label(),
                    reads.get(q).review().state(),
                    reads.get(q).review().closedAt()));
        }
        return reviews;
    }

    /** Each indicator the priority has in any quarter: its quarters and the year. */
    private static List<AnnualView.Indicator> indicators(
            FinancialQuarter year, List<PriorityView> each, Map<String, Assessment.Basis> bases) {
        Map<String, IndicatorView[]> byCode = new LinkedHashMap<>();
        for (int q = 0; q < each.size(); q++) {
            if (each.get(q) == null) {
                continue;
            }
            for (IndicatorView v : each.get(q).indicators()) {
                byCode.computeIfAbsent(v.code(), c -> new IndicatorView[4])[q] = v;
            }
        }
        List<AnnualView.Indicator> indicators = new ArrayList<>();
        byCode.forEach((code, views) -> {
            IndicatorView any = java.util.Arrays.stream(views)
                    .filter(v -> v != null)
                    .findFirst()
                    .orElseThrow();
            List<AnnualView.Quarter> quarters = new ArrayList<>();
            List<Reading> now = new ArrayList<>();
            List<Reading> before = new ArrayList<>();
            int reported = 0;
            int expected = 0;
            for (int q = 0; q < 4; q++) {
                FinancialQuarter quarter = new FinancialQuarter(year.startYear(), q + 1);
                IndicatorView v = views[q];
                quarters.add(
                        v == null
                                ? new AnnualView.Quarter(quarter.label(), null, null, null, null, null, null)
                                : new AnnualView.Quarter(
                                        quarter.label(),
                                        v.value(),
                                        v.sameQuarterLastYear(),
                                        v.rag(),
                                        v.direction(),
                                        v.periodsReported(),
                                        v.periodsExpected()));
                if (v != null) {
                    if (v.value() != null) {
                        now.add(new Reading(quarter.label(), quarter.firstDay(), null, v.value()));
                    }
                    if (v.sameQuarterLastYear() != null) {
                        FinancialQuarter earlier = new FinancialQuarter(year.startYear() - 1, q + 1);
                        before.add(new Reading(earlier.label(), earlier.firstDay(), null, v.sameQuarterLastYear()));
                    }
                    reported += v.periodsReported() == null ? 0 : v.periodsReported();
                    expected += v.periodsExpected() == null ? 0 : v.periodsExpected();
                }
            }
            Assessment.Basis basis = bases.get(code);
            indicators.add(new AnnualView.Indicator(
                    code,
                    any.title(),
                    any.unit(),
                    any.polarity(),
                    quarters,
                    basis == null ? null : year(basis, year, now, before, reported, expected)));
        });
        return indicators;
    }

    /** The year assessed as an annual figure: its quarters rolled up, against the year before's and its target. */
    private static AnnualView.Year year(
            Assessment.Basis basis,
            FinancialQuarter year,
            List<Reading> now,
            List<Reading> before,
            int reported,
            int expected) {
        FinancialQuarter previous = new FinancialQuarter(year.startYear() - 1, 1);
        List<Reading> years = new ArrayList<>();
        BigDecimal value = basis.aggregation().rollUp(now);
        BigDecimal lastYear = basis.aggregation().rollUp(before);
        if (value != null) {
            years.add(new Reading(year.financialYear(), year.firstDay(), null, value));
        }
        if (lastYear != null) {
            years.add(new Reading(previous.financialYear(), previous.firstDay(), null, lastYear));
        }
        Assessment a = Assessment.assess(basis, new FinancialQuarter(year.startYear(), 4), years);
        return new AnnualView.Year(
                a.value(),
                a.sameTimeLastYear(),
                a.change(),
                a.changePercent(),
                a.target(),
                a.rag().code(),
                a.direction().code(),
                reported,
                expected);
    }

    /** The initiatives at the year's end, by their latest report up to its last quarter. */
    private static AnnualView.Initiatives initiatives(List<InitiativeView> initiatives) {
        List<String> completed = new ArrayList<>();
        List<String> carried = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        for (InitiativeView i : initiatives) {
            if (i.progress() != null
                    && PriorityViews.COMPLETED.equals(i.progress().status())) {
                completed.add(i.id());
            } else {
                carried.add(i.id());
                if (i.overdue()) {
                    overdue.add(i.id());
                }
            }
        }
        return new AnnualView.Initiatives(
                initiatives.size(),
                completed,
                carried,
                overdue,
                initiatives.stream()
                        .filter(i -> i.progress() != null)
                        .collect(Collectors.groupingBy(
                                i -> i.progress().status(), TreeMap::new, Collectors.counting())));
    }

    private static EngagementSummary engagement(List<EngagementSummary> quarters) {
        Map<String, Long> byType = new TreeMap<>();
        long records = 0;
        long attendance = 0;
        long reach = 0;
        for (EngagementSummary e : quarters) {
            records += e.records();
            attendance += e.attendance();
            reach += e.reach();
            e.byType().forEach((type, n) -> byType.merge(type, n, Long::sum));
        }
        return new EngagementSummary(records, attendance, reach, byType);
    }

    private static CaseReviewSummary caseReviews(List<CaseReviewSummary> quarters) {
        Map<String, Long> outcomes = new TreeMap<>();
        quarters.forEach(c -> c.closedByOutcome().forEach((o, n) -> outcomes.merge(o, n, Long::sum)));
        return new CaseReviewSummary(
                quarters.stream().mapToInt(CaseReviewSummary::received).sum(),
                quarters.stream().mapToInt(CaseReviewSummary::decided).sum(),
                quarters.stream().mapToInt(CaseReviewSummary::thresholdMet).sum(),
                quarters.stream().mapToInt(CaseReviewSummary::thresholdNotMet).sum(),
                quarters.stream()
                        .mapToInt(CaseReviewSummary::decidedWithinTenWorkingDays)
                        .sum(),
                quarters.stream().mapToInt(CaseReviewSummary::closed).sum(),
                outcomes);
    }
}
