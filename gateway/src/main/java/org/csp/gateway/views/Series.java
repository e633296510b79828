package org.csp.gateway.views;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.csp.assessment.AreaRollUp;
import org.csp.assessment.Assessment;
import org.csp.assessment.ProcessControl;
import org.csp.assessment.Reading;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.gateway.views.SeriesView.FamilyGroupBand;
import org.csp.gateway.views.SeriesView.Flag;
import org.csp.gateway.views.SeriesView.Point;
import org.csp.gateway.views.SeriesView.ProcessControlView;
import org.csp.geography.GeographyFile;

/**
 * An indicator's series at one place from its readings (pure): one point per period of the indicator's frequency
 * between the first day of {@code from} and the last of {@code to}, its sources' figures taken together by the
 * indicator's roll-up; the same period a year earlier; the financial year's target; the family group's band; and the
 * XmR reading ({@link ProcessControl}) over the periods that have a figure, the first {@code baseline} of them the
 * baseline.
 */
final class Series {

    /** How many points the baseline takes when the request does not say: a year of monthly figures. */
    static final int DEFAULT_BASELINE = 12;

    record Result(List<Point> points, ProcessControlView control, String note) {}

    private Series() {}

    static Result of(
            Assessment.Basis basis,
            ReportingPeriod.Kind kind,
            FinancialQuarter from,
            FinancialQuarter to,
            List<Reading> readings,
            Map<String, FamilyGroupBand> bands,
            Integer baseline) {
        Map<LocalDate, List<Reading>> byPeriod =
                readings.stream().collect(Collectors.groupingBy(Reading::firstDay, TreeMap::new, Collectors.toList()));
        List<ReportingPeriod> periods = periods(kind, from, to);
        List<BigDecimal> values = new ArrayList<>();
        List<ReportingPeriod> withFigures = new ArrayList<>();
        for (ReportingPeriod p : periods) {
            BigDecimal value = value(basis, byPeriod, p.firstDay());
            values.add(value);
            if (value != null) {
                withFigures.add(p);
            }
        }
        List<ProcessControl.Point> spcPoints = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (values.get(i) != null) {
                spcPoints.add(new ProcessControl.Point(periods.get(i).label(), values.get(i)));
            }
        }
        int window = baseline == null ? DEFAULT_BASELINE : baseline;
        ProcessControl control = spcPoints.size() >= ProcessControl.MIN_BASELINE
                ? ProcessControl.read(basis.polarity(), spcPoints, window)
                : null;
        Map<String, List<Flag>> flags = new TreeMap<>();
        if (control != null) {
            for (ProcessControl.Flag f : control.flags()) {
                flags.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(flag(f, control));
            }
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod p = periods.get(i);
            ReportingPeriod lastYear = yearEarlier(kind, p);
            points.add(new Point(
                    p.label(),
                    values.get(i),
                    lastYear.label(),
                    value(basis, byPeriod, lastYear.firstDay()),
                    basis.targets().get(p.financialYear()),
                    bands.get(p.label()),
                    flags.getOrDefault(p.label(), List.of())));
        }
        if (control == null) {
            return new Result(
                    points, null, "Fewer than two periods have a figure: there is no process-control reading.");
        }
        ProcessControlView view = new ProcessControlView(
                spcPoints.getFirst().period(),
                spcPoints.get(control.baselineTo() - 1).period(),
                control.baselineTo(),
                control.mean(),
                control.meanMovingRange(),
                control.lowerLimit(),
                control.upperLimit(),
                control.flags().size());
        return new Result(points, view, null);
    }

    /** A source's figure at a place for a period, as the projection holds it. */
    record Figure(String geography, String period, String source, BigDecimal value) {}

    /**
     * The readings of the indicator's own frequency at {@code place}: its own figures, and when {@code byWard} is its
     * district (an indicator reported by ward), its wards' rolled up where it has none of its own ({@link AreaRollUp}).
     */
    static List<Reading> readings(
            Assessment.Basis basis,
            ReportingPeriod.Kind kind,
            String place,
            GeographyFile.District byWard,
            FinancialQuarter to,
            List<Figure> figures) {
        List<Reading> own = new ArrayList<>();
        Map<String, List<Reading>> parts = new java.util.LinkedHashMap<>();
        for (Figure f : figures) {
            java.util.Optional<ReportingPeriod> period =
                    ReportingPeriod.parse(f.period()).filter(p -> p.kind() == kind);
            if (period.isEmpty()) {
                continue;
            }
            Reading reading = new Reading(
                    period.get().label(),
                    period.get().firstDay(),
                    f.source() == null || f.source().isEmpty() ? null : f.source(),
                    f.value());
            if (f.geography().equals(place)) {
                own.add(reading);
            } else if (byWard != null) {
                parts.computeIfAbsent(f.geography(), k -> new ArrayList<>()).add(reading);
            }
        }
        return byWard == null
                ? own
                : AreaRollUp.of(basis, to, own, parts, byWard.wards().size()).readings();
    }

    /** The periods of {@code kind} from the first day of {@code from} to the last of {@code to}, in order. */
    static List<ReportingPeriod> periods(ReportingPeriod.Kind kind, FinancialQuarter from, FinancialQuarter to) {
        List<ReportingPeriod> periods = new ArrayList<>();
        LocalDate day = from.firstDay();
        while (!day.isAfter(to.lastDay())) {
            ReportingPeriod p = of(kind, day);
            if (!p.firstDay().isBefore(from.firstDay()) && !p.lastDay().isAfter(to.lastDay())) {
                periods.add(p);
            }
            day = p.lastDay().plusDays(1);
        }
        return periods;
    }

    private static ReportingPeriod of(ReportingPeriod.Kind kind, LocalDate day) {
        String text = switch (kind) {
            case MONTH -> day.toString().substring(0, 7);
            case QUARTER -> FinancialQuarter.of(day).label();
            case YEAR -> FinancialQuarter.of(day).financialYear();
        };
        return ReportingPeriod.parse(text).orElseThrow();
    }

    private static ReportingPeriod yearEarlier(ReportingPeriod.Kind kind, ReportingPeriod p) {
        return of(kind, p.firstDay().minusYears(1));
    }

    /** The period's sources' figures taken together by the indicator's roll-up; null when it has none. */
    private static BigDecimal value(Assessment.Basis basis, Map<LocalDate, List<Reading>> byPeriod, LocalDate first) {
        List<Reading> readings = byPeriod.get(first);
        return readings == null ? null : basis.aggregation().rollUp(readings);
    }

    private static Flag flag(ProcessControl.Flag f, ProcessControl control) {
        String side = f.high() ? "above" : "below";
        String explanation = switch (f.rule()) {
            case BEYOND_LIMIT ->
                "The figure is " + side + " the " + (f.high() ? "upper" : "lower") + " process limit ("
                        + (f.high() ? control.upperLimit() : control.lowerLimit())
                        + "): a special cause, not the usual variation.";
            case RUN ->
                "One of " + ProcessControl.RUN + " or more figures in a row " + side + " the mean (" + control.mean()
                        + "): a shift.";
            case TREND ->
                "One of " + ProcessControl.TREND + " or more figures in a row each " + (f.high() ? "higher" : "lower")
                        + " than the one before: a trend.";
            case TWO_OF_THREE ->
                "Two of three figures in a row beyond two-thirds of the way from the mean to the "
                        + (f.high() ? "upper" : "lower") + " limit: an early warning.";
        };
        String meaning = switch (f.variation()) {
            case IMPROVEMENT -> " For this indicator that is an improvement.";
            case CONCERN -> " For this indicator that is a concern.";
            case NEITHER -> " The indicator is monitored, not rated.";
        };
        return new Flag(f.rule().code(), f.variation().code(), f.high(), explanation + meaning);
    }
}
