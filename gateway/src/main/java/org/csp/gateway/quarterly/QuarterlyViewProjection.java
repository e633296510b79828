package org.csp.gateway.quarterly;

import org.csp.calendar.ReportingPeriod;
import org.csp.contracts.EngagementEventTypes;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.contracts.PlanEventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.csp.assessment.Aggregation;
import org.csp.assessment.Polarity;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.UnprocessableEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The quarterly partnership view, projected from plan, measures and engagement events: one statement per table
 * per batch. Engagement totals are added up as events arrive (never recounted), so a double apply would show.
 *
 * <p>Initiatives come from {@code plan.initiative.defined.v1} (the first contract, which named its priority's title)
 * and {@code .v2}, {@code plan.initiative.amended.v1} and {@code plan.initiative.retired.v1} (a retired initiative
 * leaves the view until it is defined again); priority titles from {@code plan.priority.*}, kept per partnership and
 * number, since v2 initiatives name only the number. The streams of a priority and of an initiative may be applied
 * in either order: the title is joined when the view is read, never copied onto the initiative. The plan's other
 * events (objectives, organisations, the plan's revisions, quarterly reviews, priority leads) are not part of this
 * view and are ignored explicitly.
 *
 * <p>Version 4 reads measures-service's second contracts. Indicators come from {@code measures.indicator.defined.v1}
 * (flat; given measures-service's defaults: a sum for counts, else a mean, a 5 % tolerance, no targets) and from
 * {@code .defined.v2} and {@code measures.indicator.amended.v1} (the whole definition nested), keeping per indicator
 * what {@link org.csp.assessment.Assessment} needs: unit, frequency, aggregation, polarity, tolerance and targets by
 * financial year (jsonb). Data points come from {@code measures.measure.recorded.v1} and {@code .revised.v1}: one row
 * per partnership, indicator, geography, period and <em>source</em> (two organisations reporting the same period
 * both count), the highest revision kept, whichever order revisions arrive in. Periods are months, financial quarters
 * and (new) financial years, stored under their canonical labels. {@code measures.comparator.recorded.v1} is ignored
 * for now. The view ({@link QuarterlyViews}) assesses each indicator and geography with the shared rule, from this
 * quarter's data points and those of the same quarter a year earlier.
 *
 * <p>The DDL runs in every generation at start-up, including a live one an earlier version built, which this version
 * writes to (and reads from) until its rebuild is live: that generation's tables are brought to this version's shape
 * (columns added, the measure table re-keyed by source), never dropped.
 */
@ApplicationScoped
public class QuarterlyViewProjection implements Projection {

    static final String NAME = "quarterly";

    static final String INITIATIVE_DEFINED = PlanEventTypes.INITIATIVE_DEFINED_V1;
    static final String INITIATIVE_DEFINED_V2 = PlanEventTypes.INITIATIVE_DEFINED_V2;
    static final String INITIATIVE_AMENDED = PlanEventTypes.INITIATIVE_AMENDED_V1;
    static final String INITIATIVE_RETIRED = PlanEventTypes.INITIATIVE_RETIRED_V1;
    static final String PROGRESS_UPDATED = PlanEventTypes.PROGRESS_UPDATED_V1;
    static final String PRIORITY_DEFINED = PlanEventTypes.PRIORITY_DEFINED_V1;
    static final String PRIORITY_AMENDED = PlanEventTypes.PRIORITY_AMENDED_V1;
    static final String PRIORITY_RETIRED = PlanEventTypes.PRIORITY_RETIRED_V1;
    static final String INDICATOR_DEFINED = MeasuresEventTypes.INDICATOR_DEFINED_V1;
    static final String INDICATOR_DEFINED_V2 = MeasuresEventTypes.INDICATOR_DEFINED_V2;
    static final String INDICATOR_AMENDED = MeasuresEventTypes.INDICATOR_AMENDED_V1;
    static final String MEASURE_RECORDED = MeasuresEventTypes.DATA_POINT_RECORDED_V1;
    static final String MEASURE_REVISED = MeasuresEventTypes.DATA_POINT_REVISED_V1;
    static final String COMPARATOR_RECORDED = MeasuresEventTypes.COMPARATOR_RECORDED_V1;
    static final String ENGAGEMENT_RECORDED = EngagementEventTypes.ENGAGEMENT_RECORDED_V1;
    static final String ENGAGEMENT_RECORDED_V2 = EngagementEventTypes.ENGAGEMENT_RECORDED_V2;
    static final String ENGAGEMENT_AMENDED = EngagementEventTypes.ENGAGEMENT_AMENDED_V1;
    static final String ENGAGEMENT_WITHDRAWN = EngagementEventTypes.ENGAGEMENT_WITHDRAWN_V1;

    @Override
    public String name() {
        return NAME;
    }

    /**
     * 2: initiatives v2, amended and retired; priority titles from the priorities' own events. 3: engagement records
     * v2, amended and withdrawn. 4: indicators v2 and amended (with what the assessment needs: aggregation, polarity,
     * tolerance, targets), data points revised, keyed by source too (two sources of one period both count), annual
     * periods.
     */
    @Override
    public int version() {
        return 4;
    }

    @Override
    public List<String> topics() {
        return List.of(PlanEventTypes.TOPIC, MeasuresEventTypes.TOPIC, EngagementEventTypes.TOPIC);
    }

    @Override
    public Set<String> appliedTypes() {
        return Set.of(INITIATIVE_DEFINED, INITIATIVE_DEFINED_V2, INITIATIVE_AMENDED, INITIATIVE_RETIRED, PROGRESS_UPDATED,
                PRIORITY_DEFINED, PRIORITY_AMENDED, PRIORITY_RETIRED, INDICATOR_DEFINED, INDICATOR_DEFINED_V2, INDICATOR_AMENDED,
                MEASURE_RECORDED, MEASURE_REVISED, ENGAGEMENT_RECORDED, ENGAGEMENT_RECORDED_V2, ENGAGEMENT_AMENDED,
                ENGAGEMENT_WITHDRAWN);
    }

    /**
     * The plan's and the case reviews' events, and measures-service's comparators (a comparator group's average for
     * an indicator; not shown yet): nothing the quarterly view shows.
     */
    @Override
    public Set<String> ignoredTypes() {
        return Set.of(
                PlanEventTypes.OBJECTIVE_DEFINED_V1, PlanEventTypes.OBJECTIVE_AMENDED_V1, PlanEventTypes.OBJECTIVE_RETIRED_V1,
                PlanEventTypes.ORGANISATION_DEFINED_V1, PlanEventTypes.ORGANISATION_AMENDED_V1, PlanEventTypes.ORGANISATION_RETIRED_V1,
                PlanEventTypes.PLAN_REVISED_V1,
                PlanEventTypes.REVIEW_OPENED_V1, PlanEventTypes.REPORT_SUBMITTED_V1,
                PlanEventTypes.REVIEW_CLOSED_V1, PlanEventTypes.REVIEW_REOPENED_V1,
                PlanEventTypes.PRIORITY_LEAD_ASSIGNED_V1,
                COMPARATOR_RECORDED,
                EngagementEventTypes.FOLLOW_UP_ADDED_V1,
                EngagementEventTypes.CONSULTATION_OPENED_V1, EngagementEventTypes.CONSULTATION_CLOSED_V1,
                EngagementEventTypes.RESULTS_PUBLISHED_V1,
                EngagementEventTypes.CASE_REVIEW_RECEIVED_V1, EngagementEventTypes.THRESHOLD_DECIDED_V1, EngagementEventTypes.MEETING_HELD_V1,
                EngagementEventTypes.RECOMMENDATIONS_RECORDED_V1, EngagementEventTypes.CASE_REVIEW_CLOSED_V1);
    }

    @Override
    public String ddl() {
        return """
                CREATE TABLE IF NOT EXISTS initiative (
                    partnership_id text NOT NULL, initiative_id text NOT NULL, priority int NOT NULL,
                    priority_title text, title text NOT NULL, lead_organisation text, retired boolean NOT NULL DEFAULT false,
                    PRIMARY KEY (partnership_id, initiative_id));
                -- A generation built by version 1 stays live (and is written to by this version) until its rebuild
                -- replaces it: give its initiative table this version's shape. priority_title is only known from
                -- defined.v1 events; the view takes titles from the priority table first.
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
                                      AND table_name = 'initiative' AND column_name = 'retired') THEN
                        ALTER TABLE initiative ALTER COLUMN priority_title DROP NOT NULL;
                        ALTER TABLE initiative ADD COLUMN retired boolean NOT NULL DEFAULT false;
                    END IF;
                END $$;
                CREATE TABLE IF NOT EXISTS priority (
                    partnership_id text NOT NULL, number int NOT NULL, title text NOT NULL,
                    retired boolean NOT NULL DEFAULT false,
                    PRIMARY KEY (partnership_id, number));
                CREATE TABLE IF NOT EXISTS initiative_progress (
                    partnership_id text NOT NULL, initiative_id text NOT NULL, quarter text NOT NULL,
                    status text NOT NULL, rag text NOT NULL, commentary text, reported_at timestamptz NOT NULL,
                    PRIMARY KEY (partnership_id, initiative_id, quarter));
                CREATE TABLE IF NOT EXISTS indicator (
                    partnership_id text NOT NULL, code text NOT NULL, title text NOT NULL, priority int,
                    unit text, frequency text, polarity text, aggregation text, tolerance numeric,
                    targets jsonb NOT NULL DEFAULT '{}',
                    PRIMARY KEY (partnership_id, code));
                -- A generation built by an earlier version stays live (and is written to by this one) until its rebuild
                -- replaces it: give its indicator table the assessment's columns. Its rows keep them empty; the view
                -- reads an empty aggregation as measures.indicator.defined.v1 did (a sum for counts, else a mean) and
                -- an empty tolerance as 5 %.
                ALTER TABLE indicator ADD COLUMN IF NOT EXISTS aggregation text;
                ALTER TABLE indicator ADD COLUMN IF NOT EXISTS tolerance numeric;
                ALTER TABLE indicator ADD COLUMN IF NOT EXISTS targets jsonb NOT NULL DEFAULT '{}';
                -- period is the canonical label ("2024-08", "2024/25 Q2", "2024/25"); quarter is null for a whole year
                CREATE TABLE IF NOT EXISTS measure (
                    partnership_id text NOT NULL, indicator_code text NOT NULL, geography text NOT NULL,
                    period text NOT NULL, source text NOT NULL, quarter text, value numeric NOT NULL, status text,
                    revision int NOT NULL,
                    PRIMARY KEY (partnership_id, indicator_code, geography, period, source));
                -- ... and key its measure table by source too: this version's writes name the source in ON CONFLICT,
                -- and two sources of one period are two rows. (Its rows all came from events that named a source.)
                DO $$
                DECLARE
                    old_key text;
                BEGIN
                    SELECT c.conname INTO old_key FROM pg_constraint c
                     WHERE c.conrelid = 'measure'::regclass AND c.contype = 'p'
                       AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid
                                          AND a.attnum = ANY (c.conkey) AND a.attname = 'source');
                    IF old_key IS NOT NULL THEN
                        UPDATE measure SET source = '' WHERE source IS NULL;
                        ALTER TABLE measure ALTER COLUMN source SET NOT NULL;
                        EXECUTE format('ALTER TABLE measure DROP CONSTRAINT %I', old_key);
                        ALTER TABLE measure ADD PRIMARY KEY (partnership_id, indicator_code, geography, period, source);
                    END IF;
                END $$;
                CREATE INDEX IF NOT EXISTS measure_by_quarter ON measure (partnership_id, quarter);
                -- a view reads whole years too (annual data points, which belong to no quarter)
                CREATE INDEX IF NOT EXISTS measure_by_period ON measure (partnership_id, period);
                CREATE TABLE IF NOT EXISTS engagement (
                    partnership_id text NOT NULL, engagement_id text NOT NULL, type text NOT NULL, title text NOT NULL,
                    date date NOT NULL, quarter text NOT NULL, attendance int, withdrawn boolean NOT NULL DEFAULT false,
                    PRIMARY KEY (partnership_id, engagement_id));
                -- a generation built by an earlier version is written to by this one until its rebuild replaces it
                ALTER TABLE engagement ADD COLUMN IF NOT EXISTS withdrawn boolean NOT NULL DEFAULT false;
                CREATE TABLE IF NOT EXISTS engagement_total (
                    partnership_id text NOT NULL, quarter text NOT NULL, type text NOT NULL,
                    records bigint NOT NULL, attendance bigint NOT NULL,
                    PRIMARY KEY (partnership_id, quarter, type))""";
    }

    /**
     * An initiative as a batch leaves it. {@code defined}: the batch holds its definition (priority, title, lead;
     * {@code priorityTitle} only from defined.v1); otherwise only its retirement, and the stored definition stays.
     */
    private record Initiative(String partnership, String id, Integer priority, String priorityTitle, String title, String lead,
                              boolean defined, boolean retired) {

        Initiative retire() {
            return new Initiative(partnership, id, priority, priorityTitle, title, lead, defined, true);
        }
    }

    /** A priority as a batch leaves it; {@code defined} as for {@link Initiative}. */
    private record Priority(String partnership, int number, String title, boolean defined, boolean retired) {

        Priority retire() {
            return new Priority(partnership, number, title, defined, true);
        }
    }

    private record Progress(String partnership, String id, String quarter, String status, String rag, String commentary,
                            OffsetDateTime at) {
    }

    /** {@code targets}: a JSON object of targets by financial year ("2024/25"), as the read model stores it. */
    private record Indicator(String partnership, String code, String title, Integer priority, String unit, String frequency,
                             String aggregation, String polarity, BigDecimal tolerance, String targets) {
    }

    /** A data point: {@code period} its canonical label, {@code quarter} null for a whole financial year. */
    private record Measure(String partnership, String code, String geography, String period, String source, String quarter,
                           BigDecimal value, String status, int revision) {
    }

    /** measures.indicator.defined.v1's defaults (as measures-service upcasts it): no targets and a 5 % tolerance. */
    static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.valueOf(5);

    /** How v1 indicators roll up, and how the view reads an indicator stored without an aggregation. */
    static String defaultAggregation(String unit) {
        return "count".equals(unit) ? Aggregation.SUM.code() : Aggregation.MEAN.code();
    }

    /**
     * An engagement record as a batch leaves it. {@code defined}: the batch holds its details; otherwise only its
     * withdrawal, and the stored details stay.
     */
    private record Engagement(String partnership, String id, String type, String title, LocalDate date, String quarter,
                              Integer attendance, boolean defined, boolean withdrawn) {

        Engagement withdraw() {
            return new Engagement(partnership, id, type, title, date, quarter, attendance, defined, true);
        }
    }

    @Override
    public Uni<Void> apply(SqlConnection tx, List<CloudEvent> events) {
        // Read every event first (a bad one is refused before anything is written), the latest per key.
        Map<List<String>, Initiative> initiatives = new LinkedHashMap<>();
        Map<List<Object>, Priority> priorities = new LinkedHashMap<>();
        Map<List<String>, Progress> progress = new LinkedHashMap<>();
        Map<List<String>, Indicator> indicators = new LinkedHashMap<>();
        Map<List<String>, Measure> measures = new LinkedHashMap<>();
        Map<List<String>, Engagement> engagements = new LinkedHashMap<>();
        for (CloudEvent event : events) {
            Fields f = new Fields(event);
            String p = event.partnershipId();
            switch (event.type()) {
                case INITIATIVE_DEFINED -> {
                    Initiative i = new Initiative(p, f.text("initiativeId"), f.integer("priority"), f.text("priorityTitle"),
                            f.text("title"), f.optionalText("leadOrganisation"), true, false);
                    initiatives.put(List.of(p, i.id()), i);
                }
                // plan-service amends only an active initiative, so either leaves it in the plan
                case INITIATIVE_DEFINED_V2, INITIATIVE_AMENDED -> {
                    Fields d = f.object("definition");
                    Initiative i = new Initiative(p, f.text("initiativeId"), d.integer("priority"), null, d.text("title"),
                            d.optionalText("leadPartner"), true, false);
                    initiatives.put(List.of(p, i.id()), i);
                }
                case INITIATIVE_RETIRED -> {
                    String id = f.text("initiativeId");
                    initiatives.merge(List.of(p, id), new Initiative(p, id, null, null, null, null, false, true),
                            (earlier, retired) -> earlier.retire());
                }
                case PRIORITY_DEFINED, PRIORITY_AMENDED -> {
                    Priority r = new Priority(p, f.integer("priority"), f.object("definition").text("title"), true, false);
                    priorities.put(List.of(p, r.number()), r);
                }
                case PRIORITY_RETIRED -> {
                    int number = f.integer("priority");
                    priorities.merge(List.of(p, number), new Priority(p, number, null, false, true),
                            (earlier, retired) -> earlier.retire());
                }
                case PROGRESS_UPDATED -> {
                    String quarter = f.parsed("quarter", q -> FinancialQuarter.parse(q).orElseThrow().label());
                    Progress r = new Progress(p, f.text("initiativeId"), quarter, f.text("status"), f.text("rag"),
                            f.optionalText("commentary"), event.time().atOffset(ZoneOffset.UTC));
                    progress.put(List.of(p, r.id(), r.quarter()), r);
                }
                case INDICATOR_DEFINED -> {
                    String unit = f.optionalText("unit");
                    Indicator i = new Indicator(p, f.text("code"), f.text("title"), f.optionalInteger("priority"), unit,
                            f.optionalText("frequency"), defaultAggregation(unit), f.optionalText("polarity"),
                            DEFAULT_TOLERANCE, "{}");
                    indicators.put(List.of(p, i.code()), i);
                }
                // amended carries the whole definition after the change
                case INDICATOR_DEFINED_V2, INDICATOR_AMENDED -> {
                    Fields d = f.object("definition");
                    BigDecimal tolerance = d.optionalDecimal("tolerance");
                    Indicator i = new Indicator(p, f.text("code"), d.text("title"), d.optionalInteger("priority"), d.text("unit"),
                            d.parsed("frequency", c -> ReportingPeriod.Kind.ofFrequency(c) == null ? null : c),
                            d.parsed("aggregation", Aggregation::of).code(), d.parsed("polarity", Polarity::of).code(),
                            tolerance == null ? DEFAULT_TOLERANCE : tolerance, d.targets("targets"));
                    indicators.put(List.of(p, i.code()), i);
                }
                // a data point is one source's figure for an indicator, geography and period; a revision replaces it
                case MEASURE_RECORDED, MEASURE_REVISED -> {
                    ReportingPeriod period = f.parsed("period", t -> ReportingPeriod.parse(t).orElse(null));
                    Measure m = new Measure(p, f.text("indicatorCode"), f.text("geography"), period.label(), f.text("source"),
                            period.quarter().map(FinancialQuarter::label).orElse(null), f.decimal("value"), f.optionalText("status"), f.integer("revision"));
                    measures.merge(List.of(p, m.code(), m.geography(), m.period(), m.source()), m,
                            (a, b) -> b.revision() >= a.revision() ? b : a);
                }
                case ENGAGEMENT_RECORDED -> {
                    LocalDate date = f.parsed("date", LocalDate::parse);
                    Engagement e = new Engagement(p, f.text("engagementId"), f.text("type"), f.text("title"), date,
                            FinancialQuarter.of(date).label(), f.optionalInteger("attendance"), true, false);
                    engagements.put(List.of(p, e.id()), e);
                }
                // engagement-service amends only a record that is not withdrawn
                case ENGAGEMENT_RECORDED_V2, ENGAGEMENT_AMENDED -> {
                    Fields d = f.object("details");
                    LocalDate date = d.parsed("startDate", LocalDate::parse);
                    Engagement e = new Engagement(p, f.text("engagementId"), d.text("type"), d.text("title"), date,
                            FinancialQuarter.of(date).label(), d.optionalInteger("attendance"), true, false);
                    engagements.put(List.of(p, e.id()), e);
                }
                case ENGAGEMENT_WITHDRAWN -> {
                    String id = f.text("engagementId");
                    Engagement known = engagements.get(List.of(p, id));
                    engagements.put(List.of(p, id), known != null ? known.withdraw()
                            : new Engagement(p, id, null, null, null, null, null, false, true));
                }
                default -> throw new UnprocessableEvent(event, "not a type of the quarterly view");
            }
        }
        return upsertInitiatives(tx, initiatives.values())
                .flatMap(ignored -> upsertPriorities(tx, priorities.values()))
                .flatMap(ignored -> upsertProgress(tx, progress.values()))
                .flatMap(ignored -> upsertIndicators(tx, indicators.values()))
                .flatMap(ignored -> upsertMeasures(tx, measures.values()))
                .flatMap(ignored -> addEngagements(tx, engagements.values()));
    }

    /**
     * A definition replaces the stored one; a retirement alone keeps it (read in the same statement) and only marks
     * the initiative retired. A retirement of an initiative never defined here (its definition was parked) has
     * nothing to remove.
     */
    private static Uni<Void> upsertInitiatives(SqlConnection tx, java.util.Collection<Initiative> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return execute(tx, """
                        INSERT INTO initiative (partnership_id, initiative_id, priority, priority_title, title, lead_organisation, retired)
                        SELECT u.partnership_id, u.initiative_id,
                               CASE WHEN u.defined THEN u.priority ELSE i.priority END,
                               CASE WHEN u.defined THEN u.priority_title ELSE i.priority_title END,
                               CASE WHEN u.defined THEN u.title ELSE i.title END,
                               CASE WHEN u.defined THEN u.lead ELSE i.lead_organisation END,
                               u.retired
                          FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::boolean[],
                                      $8::boolean[]) AS u(partnership_id, initiative_id, priority, priority_title, title, lead,
                                                          defined, retired)
                          LEFT JOIN initiative i ON i.partnership_id = u.partnership_id AND i.initiative_id = u.initiative_id
                         WHERE u.defined OR i.initiative_id IS NOT NULL
                        ON CONFLICT (partnership_id, initiative_id) DO UPDATE SET priority = excluded.priority,
                            priority_title = excluded.priority_title, title = excluded.title,
                            lead_organisation = excluded.lead_organisation, retired = excluded.retired""",
                Tuple.tuple().addArrayOfString(column(rows, Initiative::partnership)).addArrayOfString(column(rows, Initiative::id))
                        .addArrayOfInteger(rows.stream().map(Initiative::priority).toArray(Integer[]::new))
                        .addArrayOfString(column(rows, Initiative::priorityTitle)).addArrayOfString(column(rows, Initiative::title))
                        .addArrayOfString(column(rows, Initiative::lead))
                        .addArrayOfBoolean(rows.stream().map(Initiative::defined).toArray(Boolean[]::new))
                        .addArrayOfBoolean(rows.stream().map(Initiative::retired).toArray(Boolean[]::new)));
    }

    /** As {@link #upsertInitiatives}: a retired priority keeps its title (its initiatives may still name it). */
    private static Uni<Void> upsertPriorities(SqlConnection tx, java.util.Collection<Priority> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return execute(tx, """
                        INSERT INTO priority (partnership_id, number, title, retired)
                        SELECT u.partnership_id, u.number, CASE WHEN u.defined THEN u.title ELSE p.title END, u.retired
                          FROM unnest($1::text[], $2::int[], $3::text[], $4::boolean[], $5::boolean[])
                               AS u(partnership_id, number, title, defined, retired)
                          LEFT JOIN priority p ON p.partnership_id = u.partnership_id AND p.number = u.number
                         WHERE u.defined OR p.number IS NOT NULL
                        ON CONFLICT (partnership_id, number) DO UPDATE SET title = excluded.title, retired = excluded.retired""",
                Tuple.tuple().addArrayOfString(column(rows, Priority::partnership))
                        .addArrayOfInteger(rows.stream().map(Priority::number).toArray(Integer[]::new))
                        .addArrayOfString(column(rows, Priority::title))
                        .addArrayOfBoolean(rows.stream().map(Priority::defined).toArray(Boolean[]::new))
                        .addArrayOfBoolean(rows.stream().map(Priority::retired).toArray(Boolean[]::new)));
    }

    private static Uni<Void> upsertProgress(SqlConnection tx, java.util.Collection<Progress> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return execute(tx, """
                        INSERT INTO initiative_progress (partnership_id, initiative_id, quarter, status, rag, commentary, reported_at)
                        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
                        ON CONFLICT (partnership_id, initiative_id, quarter) DO UPDATE SET status = excluded.status,
                            rag = excluded.rag, commentary = excluded.commentary, reported_at = excluded.reported_at""",
                Tuple.tuple().addArrayOfString(column(rows, Progress::partnership)).addArrayOfString(column(rows, Progress::id))
                        .addArrayOfString(column(rows, Progress::quarter)).addArrayOfString(column(rows, Progress::status))
                        .addArrayOfString(column(rows, Progress::rag)).addArrayOfString(column(rows, Progress::commentary))
                        .addArrayOfOffsetDateTime(rows.stream().map(Progress::at).toArray(OffsetDateTime[]::new)));
    }

    /** A definition (any version) replaces the stored one. */
    private static Uni<Void> upsertIndicators(SqlConnection tx, java.util.Collection<Indicator> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return execute(tx, """
                        INSERT INTO indicator (partnership_id, code, title, priority, unit, frequency, aggregation, polarity,
                                               tolerance, targets)
                        SELECT u.partnership_id, u.code, u.title, u.priority, u.unit, u.frequency, u.aggregation, u.polarity,
                               u.tolerance, u.targets::jsonb
                          FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
                                      $8::text[], $9::numeric[], $10::text[])
                               AS u(partnership_id, code, title, priority, unit, frequency, aggregation, polarity, tolerance, targets)
                        ON CONFLICT (partnership_id, code) DO UPDATE SET title = excluded.title, priority = excluded.priority,
                            unit = excluded.unit, frequency = excluded.frequency, aggregation = excluded.aggregation,
                            polarity = excluded.polarity, tolerance = excluded.tolerance, targets = excluded.targets""",
                Tuple.tuple().addArrayOfString(column(rows, Indicator::partnership)).addArrayOfString(column(rows, Indicator::code))
                        .addArrayOfString(column(rows, Indicator::title))
                        .addArrayOfInteger(rows.stream().map(Indicator::priority).toArray(Integer[]::new))
                        .addArrayOfString(column(rows, Indicator::unit)).addArrayOfString(column(rows, Indicator::frequency))
                        .addArrayOfString(column(rows, Indicator::aggregation)).addArrayOfString(column(rows, Indicator::polarity))
                        .addArrayOfBigDecimal(rows.stream().map(Indicator::tolerance).toArray(BigDecimal[]::new))
                        .addArrayOfString(column(rows, Indicator::targets)));
    }

    /**
     * One row per data point (partnership, indicator, geography, period and source). A revision is a higher revision
     * number: an older one arriving later (or published again) never replaces it.
     */
    private static Uni<Void> upsertMeasures(SqlConnection tx, java.util.Collection<Measure> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return execute(tx, """
                        INSERT INTO measure (partnership_id, indicator_code, geography, period, source, quarter, value, status, revision)
                        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                             $7::numeric[], $8::text[], $9::int[])
                        ON CONFLICT (partnership_id, indicator_code, geography, period, source) DO UPDATE SET
                            quarter = excluded.quarter, value = excluded.value, status = excluded.status,
                            revision = excluded.revision
                        WHERE measure.revision < excluded.revision""",
                Tuple.tuple().addArrayOfString(column(rows, Measure::partnership)).addArrayOfString(column(rows, Measure::code))
                        .addArrayOfString(column(rows, Measure::geography)).addArrayOfString(column(rows, Measure::period))
                        .addArrayOfString(column(rows, Measure::source)).addArrayOfString(column(rows, Measure::quarter))
                        .addArrayOfBigDecimal(rows.stream().map(Measure::value).toArray(BigDecimal[]::new))
                        .addArrayOfString(column(rows, Measure::status))
                        .addArrayOfInteger(rows.stream().map(Measure::revision).toArray(Integer[]::new)));
    }

    /**
     * Each record as the batch leaves it, and the quarter's totals by type change by exactly the difference: what the
     * stored record counted (unless withdrawn) comes off, what the new one counts goes on; a record the batch only
     * withdraws keeps its stored details. One statement, so the totals and the records move together.
     */
    private static Uni<Void> addEngagements(SqlConnection tx, java.util.Collection<Engagement> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.tuple().addArrayOfString(column(rows, Engagement::partnership))
                .addArrayOfString(column(rows, Engagement::id)).addArrayOfString(column(rows, Engagement::type))
                .addArrayOfString(column(rows, Engagement::title))
                .addArrayOfLocalDate(rows.stream().map(Engagement::date).toArray(LocalDate[]::new))
                .addArrayOfString(column(rows, Engagement::quarter))
                .addArrayOfInteger(rows.stream().map(Engagement::attendance).toArray(Integer[]::new))
                .addArrayOfBoolean(rows.stream().map(Engagement::defined).toArray(Boolean[]::new))
                .addArrayOfBoolean(rows.stream().map(Engagement::withdrawn).toArray(Boolean[]::new));
        return execute(tx, """
                WITH incoming AS (
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::int[],
                                         $8::boolean[], $9::boolean[])
                        AS e(partnership, id, type, title, date, quarter, attendance, defined, withdrawn)),
                old AS (
                    SELECT g.* FROM engagement g JOIN incoming i ON g.partnership_id = i.partnership AND g.engagement_id = i.id),
                final AS (
                    SELECT i.partnership, i.id,
                           CASE WHEN i.defined THEN i.type ELSE o.type END AS type,
                           CASE WHEN i.defined THEN i.title ELSE o.title END AS title,
                           CASE WHEN i.defined THEN i.date ELSE o.date END AS date,
                           CASE WHEN i.defined THEN i.quarter ELSE o.quarter END AS quarter,
                           CASE WHEN i.defined THEN i.attendance ELSE o.attendance END AS attendance,
                           i.withdrawn OR coalesce(o.withdrawn, false) AS withdrawn
                      FROM incoming i LEFT JOIN old o ON o.partnership_id = i.partnership AND o.engagement_id = i.id),
                stored AS (
                    INSERT INTO engagement (partnership_id, engagement_id, type, title, date, quarter, attendance, withdrawn)
                    SELECT * FROM final
                    ON CONFLICT (partnership_id, engagement_id) DO UPDATE SET type = excluded.type, title = excluded.title,
                        date = excluded.date, quarter = excluded.quarter, attendance = excluded.attendance,
                        withdrawn = excluded.withdrawn
                    RETURNING 1),
                -- a data-modifying CTE runs whether or not it is read; old still sees the rows before it
                deltas AS (
                    SELECT partnership_id AS partnership, quarter, type, -1 AS records, -coalesce(attendance, 0) AS attendance
                      FROM old WHERE NOT withdrawn
                    UNION ALL
                    SELECT partnership, quarter, type, 1, coalesce(attendance, 0) FROM final WHERE NOT withdrawn)
                INSERT INTO engagement_total (partnership_id, quarter, type, records, attendance)
                SELECT partnership, quarter, type, sum(records), sum(attendance) FROM deltas
                 GROUP BY partnership, quarter, type
                ON CONFLICT (partnership_id, quarter, type) DO UPDATE SET
                    records = engagement_total.records + excluded.records,
                    attendance = engagement_total.attendance + excluded.attendance""", columns);
    }

    private static <T> String[] column(java.util.Collection<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static Uni<Void> execute(SqlConnection tx, String sql, Tuple params) {
        return tx.preparedQuery(sql).execute(params).replaceWithVoid();
    }

    /**
     * The fields of an event's data (or of an object in it, {@code path} naming where), read strictly: a missing or
     * ill-typed field makes the event unprocessable.
     */
    private record Fields(CloudEvent event, JsonNode data, String path) {

        Fields(CloudEvent event) {
            this(event, event.data(), "");
        }

        Fields object(String name) {
            JsonNode node = data.get(name);
            if (node == null || !node.isObject()) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' is missing or not an object");
            }
            return new Fields(event, node, path + name + ".");
        }

        String text(String name) {
            JsonNode node = data.get(name);
            if (node == null || !node.isTextual() || node.asText().isBlank()) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' is missing or not text");
            }
            return node.asText();
        }

        String optionalText(String name) {
            JsonNode node = data.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' is not text");
            }
            return node.asText();
        }

        int integer(String name) {
            Integer value = optionalInteger(name);
            if (value == null) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' is missing");
            }
            return value;
        }

        Integer optionalInteger(String name) {
            JsonNode node = data.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' is not a whole number");
            }
            return node.intValue();
        }

        BigDecimal decimal(String name) {
            JsonNode node = data.get(name);
            if (node == null || !node.isNumber()) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' is missing or not a number");
            }
            return node.decimalValue();
        }

        BigDecimal optionalDecimal(String name) {
            JsonNode node = data.get(name);
            return node == null || node.isNull() ? null : decimal(name);
        }

        /**
         * An object of numbers by financial year ({@code {"2024/25": 350}}; absent or null: none) as a JSON object
         * with the years in order.
         */
        String targets(String name) {
            JsonNode node = data.get(name);
            if (node == null || node.isNull()) {
                return "{}";
            }
            if (!node.isObject()) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' is not an object");
            }
            java.util.TreeMap<String, BigDecimal> targets = new java.util.TreeMap<>();
            node.fields().forEachRemaining(target -> {
                if (!target.getKey().matches("\\d{4}/\\d{2}") || !target.getValue().isNumber()) {
                    throw new UnprocessableEvent(event, "field '" + path + name + "' is not a number by financial year");
                }
                targets.put(target.getKey(), target.getValue().decimalValue());
            });
            com.fasterxml.jackson.databind.node.ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .withExactBigDecimals(true).objectNode();
            targets.forEach(json::put);
            return json.toString();
        }

        <T> T parsed(String name, Function<String, T> parser) {
            String value = text(name);
            try {
                T parsed = parser.apply(value);
                if (parsed == null) {
                    throw new UnprocessableEvent(event, "field '" + path + name + "' has an unknown value");
                }
                return parsed;
            } catch (DateTimeParseException | java.util.NoSuchElementException e) {
                throw new UnprocessableEvent(event, "field '" + path + name + "' has an unknown value");
            }
        }
    }
}
