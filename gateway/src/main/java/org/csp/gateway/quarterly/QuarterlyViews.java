package org.csp.gateway.quarterly;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Assessment;
import org.csp.assessment.AssessmentView;
import org.csp.assessment.FamilyGroup;
import org.csp.assessment.FamilyGroupView;
import org.csp.assessment.Reading;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.eventsourcing.projection.ProjectionRunner;

/** Reads a quarter's view from the live generation of the quarterly projection. */
@ApplicationScoped
public class QuarterlyViews {

    private final Pool pool;

    public QuarterlyViews(Pool pool) {
        this.pool = pool;
    }

    /** One consistent read of the live generation: never a mix of two generations or half a batch. */
    public Uni<QuarterlyView> view(String partnershipId, FinancialQuarter quarter) {
        return view(QuarterlyViewProjection.NAME, partnershipId, quarter);
    }

    /**
     * The view as the live generation of the projection named {@code projection} holds it. The initiatives in the
     * plan (not retired), each with its priority's title: the priority's own, else the one a defined.v1 event named.
     * The data points are read for the quarter and its financial year (annual ones), and for the same quarter and year
     * a year earlier, which only the assessment uses.
     */
    Uni<QuarterlyView> view(String projection, String partnershipId, FinancialQuarter quarter) {
        return ProjectionRunner.read(pool, projection, tx -> view(tx, partnershipId, quarter));
    }

    /** The view as {@code tx} reads it (a read of a generation's schema, as {@link ProjectionRunner#read} opens). */
    public Uni<QuarterlyView> view(SqlConnection tx, String partnershipId, FinancialQuarter quarter) {
        Tuple key = Tuple.of(partnershipId, quarter.label());
        FinancialQuarter lastYear = new FinancialQuarter(quarter.startYear() - 1, quarter.quarter());
        Tuple measureKey = Tuple.of(partnershipId)
                .addArrayOfString(new String[] {quarter.label(), lastYear.label()})
                .addArrayOfString(new String[] {quarter.financialYear(), lastYear.financialYear()});
        return tx.preparedQuery("""
                        SELECT i.initiative_id, i.priority, coalesce(r.title, i.priority_title) AS priority_title, i.title,
                               p.status, p.rag, p.commentary, p.reported_at
                          FROM initiative i
                          LEFT JOIN priority r ON r.partnership_id = i.partnership_id AND r.number = i.priority
                          LEFT JOIN initiative_progress p
                            ON p.partnership_id = i.partnership_id AND p.initiative_id = i.initiative_id AND p.quarter = $2
                         WHERE i.partnership_id = $1 AND NOT i.retired
                         ORDER BY i.priority, i.initiative_id""")
                .execute(key)
                .flatMap(initiatives -> tx.preparedQuery("""
                                SELECT m.indicator_code, coalesce(i.title, m.indicator_code) AS title, i.unit, i.frequency,
                                       i.aggregation, i.polarity, i.tolerance, i.targets::text AS targets, m.geography,
                                       m.period, m.source, m.quarter, m.value, m.status, m.revision
                                  FROM measure m
                                  LEFT JOIN indicator i ON i.partnership_id = m.partnership_id AND i.code = m.indicator_code
                                 WHERE m.partnership_id = $1 AND (m.quarter = ANY ($2) OR m.period = ANY ($3))
                                 ORDER BY m.indicator_code, m.geography, m.period, m.source""")
                        .execute(measureKey)
                        .flatMap(measures -> tx.preparedQuery("""
                                        SELECT indicator_code, geography, period, value, average, lower, upper, rank,
                                               group_size, source
                                          FROM comparator WHERE partnership_id = $1 AND period = ANY ($2)""")
                                .execute(Tuple.of(partnershipId)
                                        .addArrayOfString(quarter.periodLabels().toArray(String[]::new)))
                                .flatMap(comparators -> tx.preparedQuery("""
                                                SELECT type, records, attendance FROM engagement_total
                                                 WHERE partnership_id = $1 AND quarter = $2 AND records > 0
                                                 ORDER BY type""")
                                        .execute(key)
                                        .map(engagement -> assemble(
                                                partnershipId,
                                                quarter,
                                                initiatives,
                                                measures,
                                                comparators,
                                                engagement)))));
    }

    /**
     * The shared rule over every source's current figures of this quarter and the same quarter a year earlier (an annual
     * indicator: the two financial years); null when the indicator's polarity, frequency or aggregation is not known.
     * Only periods of the indicator's frequency count.
     */
    private static AssessmentView assess(
            FinancialQuarter quarter, Row indicator, String aggregationCode, List<Row> rows) {
        Assessment.Basis basis = MeasuresReader.basis(
                        indicator.getString("polarity"),
                        indicator.getString("frequency"),
                        aggregationCode,
                        indicator.getBigDecimal("tolerance"),
                        MeasuresReader.targetsOf(indicator.getString("targets")))
                .orElse(null);
        if (basis == null) {
            return null;
        }
        List<Reading> readings = new ArrayList<>();
        for (Row row : rows) {
            ReportingPeriod.parse(row.getString("period"))
                    .filter(p -> p.kind().perYear() == basis.periodsPerYear())
                    .ifPresent(p -> readings.add(new Reading(
                            p.label(),
                            p.firstDay(),
                            emptyToNull(row.getString("source")),
                            row.getBigDecimal("value"))));
        }
        return AssessmentView.of(Assessment.assess(basis, quarter, readings));
    }

    /**
     * The family group's figures of the latest period of the quarter (of the indicator's frequency) that has them,
     * placed by the shared rule; null when there are none or the indicator's polarity or frequency is not known.
     */
    private static FamilyGroupView familyGroup(
            FinancialQuarter quarter, Row indicator, String aggregationCode, List<Row> comparators) {
        return MeasuresReader.basis(
                        indicator.getString("polarity"),
                        indicator.getString("frequency"),
                        aggregationCode,
                        indicator.getBigDecimal("tolerance"),
                        Map.of())
                .flatMap(basis -> FamilyGroup.latest(basis, quarter, comparators, c -> c.getString("period"))
                        .map(c -> FamilyGroupView.of(
                                c.getString("period"),
                                FamilyGroup.place(
                                        basis.polarity(),
                                        c.getBigDecimal("value"),
                                        c.getBigDecimal("average"),
                                        c.getBigDecimal("lower"),
                                        c.getBigDecimal("upper"),
                                        c.getInteger("rank"),
                                        c.getInteger("group_size")),
                                c.getString("source"))))
                .orElse(null);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static QuarterlyView assemble(
            String partnershipId,
            FinancialQuarter quarter,
            RowSet<Row> initiativeRows,
            RowSet<Row> measureRows,
            RowSet<Row> comparatorRows,
            RowSet<Row> engagementRows) {
        Map<String, List<Row>> comparators = new LinkedHashMap<>();
        for (Row row : comparatorRows) {
            comparators
                    .computeIfAbsent(
                            row.getString("indicator_code") + "|" + row.getString("geography"), k -> new ArrayList<>())
                    .add(row);
        }
        List<QuarterlyView.InitiativeProgress> initiatives = new ArrayList<>();
        for (Row row : initiativeRows) {
            OffsetDateTime reported = row.getOffsetDateTime("reported_at");
            initiatives.add(new QuarterlyView.InitiativeProgress(
                    row.getString("initiative_id"),
                    row.getInteger("priority"),
                    row.getString("priority_title"),
                    row.getString("title"),
                    row.getString("status"),
                    row.getString("rag"),
                    row.getString("commentary"),
                    reported == null ? null : reported.toInstant()));
        }

        Map<String, List<Row>> byMeasure = new LinkedHashMap<>();
        for (Row row : measureRows) {
            byMeasure
                    .computeIfAbsent(
                            row.getString("indicator_code") + "|" + row.getString("geography"), k -> new ArrayList<>())
                    .add(row);
        }
        List<QuarterlyView.Measure> measures = new ArrayList<>();
        for (List<Row> rows : byMeasure.values()) {
            // the quarter's own data points (an annual one: its financial year's); last year's are for the assessment
            List<Row> current = rows.stream()
                    .filter(r -> quarter.label().equals(r.getString("quarter"))
                            || r.getString("quarter") == null
                                    && quarter.financialYear().equals(r.getString("period")))
                    .toList();
            if (current.isEmpty()) {
                continue;
            }
            Row first = rows.getFirst();
            List<QuarterlyView.Period> periods = current.stream()
                    .map(r -> new QuarterlyView.Period(
                            r.getString("period"),
                            emptyToNull(r.getString("source")),
                            r.getBigDecimal("value"),
                            r.getString("status"),
                            r.getInteger("revision")))
                    .toList();
            // A quarter's total only makes sense for what adds up (counts); rates and percentages are read per period.
            String aggregation = first.getString("aggregation") != null
                    ? first.getString("aggregation")
                    : MeasuresReader.defaultAggregation(first.getString("unit"));
            BigDecimal total = Aggregation.SUM.code().equals(aggregation)
                    ? Aggregation.canonical(
                            periods.stream().map(QuarterlyView.Period::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                    : null;
            measures.add(new QuarterlyView.Measure(
                    first.getString("indicator_code"),
                    first.getString("title"),
                    first.getString("unit"),
                    first.getString("polarity"),
                    first.getString("geography"),
                    periods,
                    total,
                    assess(quarter, first, aggregation, rows),
                    familyGroup(
                            quarter,
                            first,
                            aggregation,
                            comparators.getOrDefault(
                                    first.getString("indicator_code") + "|" + first.getString("geography"),
                                    List.of()))));
        }

        Map<String, Long> byType = new TreeMap<>();
        long records = 0;
        long attendance = 0;
        for (Row row : engagementRows) {
            byType.put(row.getString("type"), row.getLong("records"));
            records += row.getLong("records");
            attendance += row.getLong("attendance");
        }

        Map<String, Long> byRag = initiatives.stream()
                .filter(i -> i.rag() != null)
                .collect(Collectors.groupingBy(
                        QuarterlyView.InitiativeProgress::rag, TreeMap::new, Collectors.counting()));
        int reported =
                (int) initiatives.stream().filter(i -> i.status() != null).count();
        return new QuarterlyView(
                partnershipId,
                quarter.label(),
                quarter.firstDay(),
                quarter.lastDay(),
                initiatives,
                measures,
                new QuarterlyView.Engagement(records, attendance, byType),
                new QuarterlyView.Summary(initiatives.size(), reported, byRag));
    }
}
