package org.csp.deploy.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.csp.calendar.FinancialQuarter;
import org.csp.deploy.demo.DemoData.CaseReview;
import org.csp.deploy.demo.DemoData.Engagement;
import org.csp.deploy.demo.DemoData.Figure;
import org.csp.deploy.demo.DemoData.Initiative;
import org.csp.deploy.demo.DemoData.Progress;
import org.csp.deploy.demo.DemoData.Report;
import org.csp.deploy.demo.DemoData.Review;
import org.csp.deploy.demo.DemoData.Survey;
import org.csp.deploy.demo.DemoData.SurveyResult;
import org.csp.geography.GeographyFile;

/**
 * The demo data set, made from a fixed seed and nothing else but the districts and the plan's initiatives: the same
 * set every time. Pure: records out, no I/O.
 *
 * <p>Figures: four financial years, 2022/23 to 2025/26, for each district, each period of the indicator's frequency.
 * A count is its district's expected level (population × a county rate × the district's own factor, or a fixed
 * level for the indicators only Stroud's catalogue has) × the quarter's season × a yearly trend, with Poisson noise.
 * The plausible range of every indicator's quarterly total in a district is {@link Measure#low()} to
 * {@link Measure#high()}.
 */
public final class DemoGenerator {

    /** The seed of the demo every start loads. */
    public static final long SEED = 20_230_401L;

    public static final FinancialQuarter FIRST = new FinancialQuarter(2022, 1);
    public static final FinancialQuarter LAST = new FinancialQuarter(2025, 4);

    /** The plan's first quarter: progress and reviews start here (the plan runs 2023/24 to 2025/26). */
    public static final FinancialQuarter PLAN_FIRST = new FinancialQuarter(2023, 1);

    static final String STROUD = "stroud";

    /** A district: its partnership, GSS code, population and crime level against the county's. */
    public record District(
            String partnership, String gss, String name, int population, double level, List<String> wards) {}

    /**
     * Each district's population (ONS mid-2022 estimate, rounded) and its crime level against the county's average
     * (partnership, population, level).
     */
    private static final String DISTRICT_TABLE = """
        cheltenham      119000  1.25
        cotswold         91000  0.65
        forest-of-dean   88000  0.85
        gloucester      133000  1.60
        stroud          122000  0.80
        tewkesbury       98000  0.85
        """;

    enum Frequency {
        MONTHLY,
        QUARTERLY,
        ANNUAL_PERCENTAGE
    }

    /**
     * An indicator's demo profile. {@code perThousand}: a county rate per 1,000 residents a year (every district), or
     * 0 with {@code level}, the expected count per period in Stroud alone. {@code byWard}: posted by ward. {@code season}: Q1–Q4 factors; {@code trend}:
     * change a year. {@code low}–{@code high}: the plausible quarterly total in one district (for an annual percentage,
     * the plausible value).
     */
    public record Measure(
            String code,
            Frequency frequency,
            double perThousand,
            double level,
            String source,
            boolean byWard,
            double[] season,
            double trend,
            int low,
            int high) {

        boolean everyDistrict() {
            return perThousand > 0;
        }
    }

    /**
     * The catalogue's indicators that are posted (the derived ones come from the engagement records), one a line: code,
     * frequency, county rate per 1,000 residents a year (every district) or "-" and Stroud's expected count per period,
     * source, posted by ward (the district's count shared among its wards, as the police post them) or for the
     * district, Q1–Q4 season, trend a year, plausible quarterly total in a district (low, high).
     */
    private static final String MEASURE_TABLE = """
        RECORDED-CRIME                    monthly    70   -   police    ward     1.02 1.05 1.00 0.93  -0.02  500 6000
        ASB-INCIDENTS                     monthly    18   -   police    ward     1.10 1.15 0.90 0.85  -0.03  100 1500
        SV-VIOLENCE-WITH-INJURY           monthly     9   -   police    ward     1.05 1.08 1.00 0.87  -0.01   50  900
        DA-INCIDENTS-CRIMES               monthly    22   -   police    ward     1.00 1.05 1.05 0.90   0.03  150 2000
        HATE-CRIMES                       quarterly 1.1   -   police    district 1.00 1.10 0.95 0.95   0.04    3  120
        ASB-COMPLAINTS                    monthly     -  35   council   district 1.10 1.15 0.90 0.85  -0.04   40  250
        ASB-NON-LEGAL-INTERVENTIONS       monthly     -   9   council   district 1.00 1.00 1.00 1.00   0.02    5   60
        ASB-CIVIL-BREACHES                monthly     - 1.5   council   district 1.00 1.00 1.00 1.00  -0.05    0   20
        ASB-YOUTH-NON-LEGAL-INTERVENTIONS monthly     -   3   council   district 1.10 1.15 0.90 0.85   0.00    0   30
        ASB-YOUTH-NON-LEGAL-BREACHES      monthly     - 0.8   council   district 1.00 1.00 1.00 1.00   0.00    0   12
        VIAWG-REPORTS                     quarterly   - 110   police    district 1.00 1.05 1.05 0.90   0.04   50  200
        NRM-REFERRALS                     quarterly   -   4   police    district 1.00 1.00 1.00 1.00   0.05    0   15
        PREVENT-STAFF-EQUIPPED            quarterly   -  25   council   district 1.00 1.00 1.00 1.00   0.10    5   60
        CHANNEL-REFERRALS                 quarterly   -   3   police    district 1.00 1.00 1.00 1.00   0.00    0   12
        YOUNG-PEOPLE-OFFENDING            quarterly   -  11   youth     district 1.00 1.00 1.00 1.00  -0.05    0   30
        REOFFENDING-RATE                  annual%     -  24   probation district 1.00 1.00 1.00 1.00  -0.02   15   35
        """;

    private static final Map<String, String> SOURCES = Map.of(
            "police", "gloucestershire-constabulary",
            "council", "stroud-district-council",
            "youth", "gloucestershire-youth-justice-service",
            "probation", "probation-service");

    public static final List<Measure> MEASURES = MEASURE_TABLE
            .lines()
            .map(line -> line.trim().split("\\s+"))
            .map(c -> new Measure(
                    c[0],
                    switch (c[1]) {
                        case "monthly" -> Frequency.MONTHLY;
                        case "quarterly" -> Frequency.QUARTERLY;
                        default -> Frequency.ANNUAL_PERCENTAGE;
                    },
                    c[2].equals("-") ? 0 : Double.parseDouble(c[2]),
                    c[3].equals("-") ? 0 : Double.parseDouble(c[3]),
                    SOURCES.get(c[4]),
                    c[5].equals("ward"),
                    new double[] {
                        Double.parseDouble(c[6]),
                        Double.parseDouble(c[7]),
                        Double.parseDouble(c[8]),
                        Double.parseDouble(c[9])
                    },
                    Double.parseDouble(c[10]),
                    Integer.parseInt(c[11]),
                    Integer.parseInt(c[12])))
            .toList();

    /** About one figure in 50 is revised later (a correction: late-recorded cases added). */
    private static final double REVISED = 0.02;

    private DemoGenerator() {}

    /** The six districts of the geography file, with their demo profile. */
    public static List<District> districts(GeographyFile geography, Map<String, String> partnershipByGss) {
        return geography.districts().stream()
                .map(d -> {
                    String partnership = partnershipByGss.get(d.code());
                    String[] profile = DISTRICT_TABLE
                            .lines()
                            .map(line -> line.trim().split("\\s+"))
                            .filter(c -> c[0].equals(partnership))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "No demo profile for district " + d.code() + " " + d.name()));
                    return new District(
                            partnership,
                            d.code(),
                            d.name(),
                            Integer.parseInt(profile[1]),
                            Double.parseDouble(profile[2]),
                            d.wards().stream().map(GeographyFile.Area::code).toList());
                })
                .toList();
    }

    /** The whole set from {@code seed}, for these districts and initiatives (Stroud's plan). */
    public static DemoData generate(long seed, List<District> districts, List<Initiative> initiatives) {
        // a stream of its own for each part: the engagement records do not change with the plan's initiatives
        Random random = new Random(seed);
        List<Figure> figures = new ArrayList<>();
        List<Figure> revisions = new ArrayList<>();
        for (District district : districts) {
            double[] wardShares = shares(random, district.wards().size());
            for (Measure measure : MEASURES) {
                if (measure.everyDistrict() || district.partnership().equals(STROUD)) {
                    figures(random, district, wardShares, measure, figures, revisions);
                }
            }
        }
        List<Progress> progress = progress(new Random(seed + 1), initiatives);
        return new DemoData(
                List.copyOf(figures),
                List.copyOf(revisions),
                comparators(new Random(seed + 4), districts, figures),
                progress,
                reviews(progress),
                engagements(new Random(seed + 2)),
                surveys(new Random(seed + 3), gssOf(districts, STROUD)),
                caseReviews());
    }

    private static String gssOf(List<District> districts, String partnership) {
        return districts.stream()
                .filter(d -> d.partnership().equals(partnership))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No district of " + partnership))
                .gss();
    }

    // ---------------------------------------------------------------------------------------------- figures

    /** Each ward's share of its district's cases: unequal (a town centre has more than a village), adding up to 1. */
    private static double[] shares(Random random, int wards) {
        double[] shares = new double[wards];
        double sum = 0;
        for (int i = 0; i < wards; i++) {
            double u = random.nextDouble();
            shares[i] = 0.3 + 2.5 * u * u;
            sum += shares[i];
        }
        for (int i = 0; i < wards; i++) {
            shares[i] /= sum;
        }
        return shares;
    }

    private static void figures(
            Random random,
            District district,
            double[] wardShares,
            Measure measure,
            List<Figure> figures,
            List<Figure> revisions) {
        for (FinancialQuarter q = FIRST; q.compareTo(LAST) <= 0; q = next(q)) {
            int years = q.startYear() - FIRST.startYear();
            double trend = Math.pow(1 + measure.trend(), years);
            String status = q.startYear() < LAST.startYear() ? "final" : "provisional";
            switch (measure.frequency()) {
                case MONTHLY -> {
                    double perMonth =
                            expectedPerYear(district, measure) / 12 * measure.season()[q.quarter() - 1] * trend;
                    YearMonth month = YearMonth.from(q.firstDay());
                    for (int m = 0; m < 3; m++, month = month.plusMonths(1)) {
                        if (measure.byWard()) {
                            for (int w = 0; w < wardShares.length; w++) {
                                count(
                                        random,
                                        district,
                                        district.wards().get(w),
                                        measure,
                                        month.toString(),
                                        q,
                                        perMonth * wardShares[w],
                                        status,
                                        figures,
                                        revisions);
                            }
                        } else {
                            count(
                                    random,
                                    district,
                                    district.gss(),
                                    measure,
                                    month.toString(),
                                    q,
                                    perMonth,
                                    status,
                                    figures,
                                    revisions);
                        }
                    }
                }
                case QUARTERLY -> {
                    double perQuarter =
                            expectedPerYear(district, measure) / 4 * measure.season()[q.quarter() - 1] * trend;
                    count(
                            random,
                            district,
                            district.gss(),
                            measure,
                            q.label(),
                            q,
                            perQuarter,
                            status,
                            figures,
                            revisions);
                }
                case ANNUAL_PERCENTAGE -> {
                    if (q.quarter() == 4) {
                        double value = measure.level() * trend + random.nextGaussian() * 1.2;
                        value = Math.clamp(value, measure.low(), measure.high());
                        figures.add(figure(
                                district, district.gss(), measure, q.financialYear(), q, percent(value), status, ""));
                    }
                }
            }
        }
    }

    /** The Most Similar Family Group's size (iQuanta's groups are of 15 partnerships). */
    static final int GROUP_SIZE = 15;

    /**
     * Stroud's family group beside its police-recorded monthly counts: the group's average (scaled to Stroud) near
     * Stroud's expected level, its limits a quarter either side, Stroud's own month and its rank in the group.
     */
    private static List<DemoData.Comparator> comparators(
            Random random, List<District> districts, List<Figure> figures) {
        District stroud = districts.stream()
                .filter(d -> d.partnership().equals(STROUD))
                .findFirst()
                .orElseThrow();
        Map<String, BigDecimal> monthly = new java.util.TreeMap<>();
        for (Figure f : figures) {
            if (f.partnership().equals(STROUD) && measure(f.indicator()).byWard()) {
                monthly.merge(f.indicator() + " " + f.period(), f.value(), BigDecimal::add);
            }
        }
        List<DemoData.Comparator> comparators = new ArrayList<>();
        for (Measure measure : MEASURES) {
            if (!measure.byWard()) {
                continue;
            }
            for (FinancialQuarter q = FIRST; q.compareTo(LAST) <= 0; q = next(q)) {
                double expected = expectedPerYear(stroud, measure)
                        / 12
                        * measure.season()[q.quarter() - 1]
                        * Math.pow(1 + measure.trend(), q.startYear() - FIRST.startYear());
                YearMonth month = YearMonth.from(q.firstDay());
                for (int m = 0; m < 3; m++, month = month.plusMonths(1)) {
                    BigDecimal value = monthly.get(measure.code() + " " + month);
                    double average = expected * (1.1 + 0.05 * random.nextGaussian());
                    double position =
                            (value.doubleValue() / average - 1) / 0.25; // -1 at the lower limit, 1 at the upper
                    int rank = (int) Math.clamp(
                            Math.round((GROUP_SIZE + 1) / 2.0 + position * (GROUP_SIZE - 1) / 2.0), 1, GROUP_SIZE);
                    comparators.add(new DemoData.Comparator(
                            measure.code(),
                            month.toString(),
                            q,
                            STROUD,
                            stroud.gss(),
                            value,
                            BigDecimal.valueOf(average).setScale(1, RoundingMode.HALF_UP),
                            BigDecimal.valueOf(average * 0.75).setScale(1, RoundingMode.HALF_UP),
                            BigDecimal.valueOf(average * 1.25).setScale(1, RoundingMode.HALF_UP),
                            rank,
                            GROUP_SIZE));
                }
            }
        }
        return List.copyOf(comparators);
    }

    static Measure measure(String code) {
        return MEASURES.stream()
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo measure " + code));
    }

    private static double expectedPerYear(District district, Measure measure) {
        return measure.everyDistrict()
                ? district.population() / 1000.0 * measure.perThousand() * district.level()
                : measure.level() * (measure.frequency() == Frequency.MONTHLY ? 12 : 4);
    }

    private static void count(
            Random random,
            District district,
            String geography,
            Measure measure,
            String period,
            FinancialQuarter quarter,
            double expected,
            String status,
            List<Figure> figures,
            List<Figure> revisions) {
        long value = poisson(random, expected);
        figures.add(figure(district, geography, measure, period, quarter, BigDecimal.valueOf(value), status, ""));
        if (random.nextDouble() < REVISED) {
            long added = 1 + Math.round(value * 0.03 * random.nextDouble());
            revisions.add(figure(
                    district,
                    geography,
                    measure,
                    period,
                    quarter,
                    BigDecimal.valueOf(value + added),
                    "final",
                    ": corrected, late-recorded cases added"));
        }
    }

    private static Figure figure(
            District district,
            String geography,
            Measure measure,
            String period,
            FinancialQuarter quarter,
            BigDecimal value,
            String status,
            String why) {
        String reason = Character.toUpperCase(DemoData.LABEL.charAt(0)) + DemoData.LABEL.substring(1) + why;
        return new Figure(
                measure.code(),
                period,
                quarter,
                district.partnership(),
                geography,
                value,
                measure.source(),
                status,
                reason);
    }

    /** A Poisson draw (Knuth's method below 30, the normal approximation above). */
    static long poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    private static BigDecimal percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    static FinancialQuarter next(FinancialQuarter q) {
        return q.quarter() == 4
                ? new FinancialQuarter(q.startYear() + 1, 1)
                : new FinancialQuarter(q.startYear(), q.quarter() + 1);
    }

    // ---------------------------------------------------------------------------------------------- progress

    private static final Map<String, String> RAG = Map.of(
            "not-started", "amber", "on-track", "green", "at-risk", "amber", "off-track", "red", "completed", "green");

    private static final Map<String, List<String>> COMMENTARY = Map.of(
            "not-started",
            List.of(
                    "Scoping under way with partners; delivery is planned to begin next quarter.",
                    "Waiting for the lead partner to confirm resources; a start date is being agreed."),
            "on-track",
            List.of(
                    "Delivered as planned this quarter; partners met and actions are up to date.",
                    "Activity on schedule; joint patrols and partner meetings held as agreed.",
                    "Milestones for the quarter met; next steps agreed at the sub-group.",
                    "Good progress: the planned sessions ran and feedback from partners was positive."),
            "at-risk",
            List.of(
                    "Some actions delayed by partner capacity; a recovery plan is agreed at the sub-group.",
                    "Funding for the next phase not yet confirmed; the lead partner is following it up.",
                    "Fewer sessions than planned this quarter; dates rescheduled for next quarter."),
            "off-track",
            List.of(
                    "Key milestones missed this quarter; escalated to the Partnership for support.",
                    "Delivery paused while the lead partner recruits; the Partnership is asked to review."),
            "completed",
            List.of(
                    "Completed: outcomes reported to the Partnership and learning shared with partners.",
                    "Completed as planned; ongoing work continues within partners' routine business."));

    private static List<Progress> progress(Random random, List<Initiative> initiatives) {
        List<Progress> all = new ArrayList<>();
        List<Initiative> sorted = initiatives.stream()
                .sorted(Comparator.comparing(Initiative::id))
                .toList();
        for (Initiative initiative : sorted) {
            FinancialQuarter from = max(PLAN_FIRST, FinancialQuarter.of(initiative.start()));
            FinancialQuarter to = min(LAST, FinancialQuarter.of(initiative.due()));
            String status = null;
            for (FinancialQuarter q = from; q.compareTo(to) <= 0; q = next(q)) {
                status = nextStatus(random, status, q.equals(FinancialQuarter.of(initiative.due())));
                List<String> texts = COMMENTARY.get(status);
                String commentary =
                        q.label() + ": " + texts.get(random.nextInt(texts.size())) + " (" + DemoData.LABEL + ")";
                all.add(new Progress(initiative.id(), initiative.priority(), q, status, RAG.get(status), commentary));
                if (status.equals("completed")) {
                    break;
                }
            }
        }
        return List.copyOf(all);
    }

    private static String nextStatus(Random random, String previous, boolean dueThisQuarter) {
        double r = random.nextDouble();
        if (previous == null) {
            return r < 0.2 ? "not-started" : "on-track";
        }
        if (dueThisQuarter && !previous.equals("off-track") && r < 0.7) {
            return "completed";
        }
        return switch (previous) {
            case "not-started" -> r < 0.7 ? "on-track" : "not-started";
            case "on-track" -> r < 0.12 ? "at-risk" : "on-track";
            case "at-risk" -> r < 0.45 ? "on-track" : r < 0.6 ? "off-track" : "at-risk";
            case "off-track" -> r < 0.5 ? "at-risk" : "off-track";
            default -> previous;
        };
    }

    private static FinancialQuarter max(FinancialQuarter a, FinancialQuarter b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static FinancialQuarter min(FinancialQuarter a, FinancialQuarter b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // ---------------------------------------------------------------------------------------------- reviews

    /**
     * A review for every quarter of the plan: the last one open with two reports in, the one before open with every
     * report in, the others closed.
     */
    private static List<Review> reviews(List<Progress> progress) {
        List<Review> reviews = new ArrayList<>();
        FinancialQuarter lastButOne = new FinancialQuarter(LAST.startYear(), LAST.quarter() - 1);
        for (FinancialQuarter q = PLAN_FIRST; q.compareTo(LAST) <= 0; q = next(q)) {
            List<Report> reports = new ArrayList<>();
            for (int priority = 1; priority <= (q.equals(LAST) ? 2 : 5); priority++) {
                reports.add(new Report(priority, summary(progress, q, priority)));
            }
            reviews.add(new Review(q, List.copyOf(reports), q.compareTo(lastButOne) < 0));
        }
        return List.copyOf(reviews);
    }

    private static String summary(List<Progress> progress, FinancialQuarter quarter, int priority) {
        List<Progress> reported = progress.stream()
                .filter(p -> p.quarter().equals(quarter) && p.priority() == priority)
                .toList();
        long onTrack = reported.stream()
                .filter(p -> p.status().equals("on-track") || p.status().equals("completed"))
                .count();
        long atRisk =
                reported.stream().filter(p -> p.status().equals("at-risk")).count();
        long offTrack =
                reported.stream().filter(p -> p.status().equals("off-track")).count();
        return "Priority " + priority + " sub-group report for " + quarter.label() + ": " + onTrack + " of "
                + reported.size() + " initiatives on track or completed, " + atRisk + " at risk, " + offTrack
                + " off track. Actions for next quarter agreed at the sub-group meeting (" + DemoData.LABEL + ").";
    }

    // ---------------------------------------------------------------------------------------------- engagement

    /** An engagement type: its code, the priorities it serves, attendance (or reach) range, titles and outcome. */
    private record Kind(
            String type,
            List<Integer> priorities,
            int fewest,
            int most,
            boolean reach,
            List<String> titles,
            String outcome) {}

    /** type | priorities | attendance (or reach) range | titles (";" between) | outcome. */
    private static final String KIND_TABLE = """
        workshop | 4 | 8-35 | Crime prevention workshop; Scam awareness workshop; Personal safety workshop \
        | You said you wanted practical advice; we handed out home security guides and booked follow-up visits.
        public-event | 1,4 | 60-400 | Community safety stall at a summer fair; Partnership drop-in at the market \
        | You said speeding and litter worry you; we passed both to the neighbourhood policing team.
        school-presentation | 2,3 | 40-220 | Online safety presentation at a secondary school; Knife crime awareness \
        session | Pupils asked where to get help; we shared the local support services' contacts with the school.
        hate-awareness-event | 3 | 10-60 | Hate crime awareness session; Third-party reporting centre training \
        | Participants asked how to report; we promoted the third-party reporting centres.
        neighbourhood-watch | 1 | 6-40 | Neighbourhood Watch coordinators' meeting; New Neighbourhood Watch scheme \
        launched | Coordinators asked for rural crime alerts; we set up a monthly alert with the police.
        media-campaign | 1,4 | reach 2000-25000 | Social media campaign on rural crime; Campaign on reporting \
        anti-social behaviour | The campaign's messages were shared by partners and local groups.
        community-payback-project | 4,5 | 4-12 | Community payback: litter clearance; Community payback: graffiti \
        removal | Residents asked for the area to be cleaned up; the project team cleared it.
        checklist-completed | 4 | 1-5 | Safeguarding checklist completed by a community group; Venue safety \
        checklist completed | The organisation completed the checklist and agreed two actions.
        """;

    private static final List<Kind> KINDS = KIND_TABLE
            .lines()
            .map(line -> line.split("\\s*\\|\\s*"))
            .map(c -> {
                boolean reach = c[2].startsWith("reach ");
                String[] range = c[2].replace("reach ", "").split("-");
                return new Kind(
                        c[0].trim(),
                        Stream.of(c[1].split(",")).map(Integer::valueOf).toList(),
                        Integer.parseInt(range[0]),
                        Integer.parseInt(range[1]),
                        reach,
                        Stream.of(c[3].split(";")).map(String::trim).toList(),
                        c[4].trim());
            })
            .toList();

    private static List<Engagement> engagements(Random random) {
        List<Engagement> all = new ArrayList<>();
        for (FinancialQuarter q = FIRST; q.compareTo(LAST) <= 0; q = next(q)) {
            int count = 5 + random.nextInt(4);
            for (int i = 1; i <= count; i++) {
                Kind kind = KINDS.get(random.nextInt(KINDS.size()));
                LocalDate date = q.firstDay().plusDays(random.nextInt(89));
                int people = kind.fewest() + random.nextInt(kind.most() - kind.fewest() + 1);
                all.add(new Engagement(
                        "demo-engagement-" + q.pathId() + "-" + i,
                        kind.type(),
                        kind.titles().get(random.nextInt(kind.titles().size())),
                        date,
                        kind.priorities(),
                        kind.reach() ? null : people,
                        kind.reach() ? people : null,
                        "Synthetic demo data. " + kind.outcome()));
            }
        }
        return List.copyOf(all);
    }

    /** Stroud's residents' survey each autumn of the plan, published in the following January. */
    private static List<Survey> surveys(Random random, String gss) {
        List<Survey> surveys = new ArrayList<>();
        double feelSafe = 68;
        double better = 74;
        for (int year = PLAN_FIRST.startYear(); year <= LAST.startYear(); year++) {
            FinancialQuarter q = new FinancialQuarter(year, 3);
            feelSafe += 1 + random.nextGaussian();
            better += 0.5 + random.nextGaussian();
            int sample = 600 + random.nextInt(400);
            surveys.add(new Survey(
                    "demo-residents-survey-" + q.financialYear().replace('/', '-'),
                    "Residents' community safety survey " + q.financialYear() + " (" + DemoData.LABEL + ")",
                    q.financialYear(),
                    LocalDate.of(year, 10, 1),
                    LocalDate.of(year, 11, 30),
                    LocalDate.of(year + 1, 1, 15),
                    gss,
                    List.of(
                            new SurveyResult(
                                    "feel-safe",
                                    "How safe do you feel outside in your area after dark?",
                                    "FEEL-SAFE-AFTER-DARK",
                                    percent(feelSafe).doubleValue(),
                                    sample),
                            new SurveyResult(
                                    "asb-better",
                                    "Has anti-social behaviour in your area got better or stayed the same in the last"
                                            + " year?",
                                    "ASB-BETTER-OR-SAME",
                                    percent(better).doubleValue(),
                                    sample))));
        }
        return List.copyOf(surveys);
    }

    /** Four ASB case reviews at different stages: reference, dates, decision and outcome only, nothing personal. */
    private static List<CaseReview> caseReviews() {
        String label = " (" + DemoData.LABEL + ")";
        return List.of(
                new CaseReview(
                        "DEMO-ASB-CR-2023-001",
                        LocalDate.of(2023, 6, 12),
                        LocalDate.of(2023, 6, 26),
                        true,
                        LocalDate.of(2023, 7, 10),
                        List.of(
                                "Joint visit by the housing provider and the neighbourhood team" + label,
                                "Review the street lighting at the location" + label),
                        LocalDate.of(2023, 9, 15),
                        "actions-agreed",
                        "Actions agreed and completed" + label),
                new CaseReview(
                        "DEMO-ASB-CR-2024-002",
                        LocalDate.of(2024, 2, 5),
                        LocalDate.of(2024, 2, 16),
                        false,
                        null,
                        List.of(),
                        LocalDate.of(2024, 2, 20),
                        "threshold-not-met",
                        "Threshold not met; the applicant was told why and given other routes" + label),
                new CaseReview(
                        "DEMO-ASB-CR-2025-003",
                        LocalDate.of(2025, 5, 20),
                        LocalDate.of(2025, 6, 2),
                        true,
                        LocalDate.of(2025, 6, 16),
                        List.of(),
                        null,
                        null,
                        null),
                new CaseReview(
                        "DEMO-ASB-CR-2025-004",
                        LocalDate.of(2025, 11, 3),
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null));
    }
}
