package org.csp.gateway.quarterly;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.Unnest;

/**
 * The quarterly view's tables in a generation's schema: their DDL, the rows the readers of the services' events make
 * and one statement per table per batch to write them. Engagement totals are added up as records arrive (never
 * recounted), so a double apply would show.
 */
final class QuarterlyTables {

    /**
     * Runs in every generation at start-up, including a live one an earlier version built, which this version writes
     * to (and reads from) until its rebuild is live: that generation's tables are brought to this version's shape
     * (columns added, the measure table re-keyed by source), never dropped.
     */
    static final String DDL = """
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
                PRIMARY KEY (partnership_id, quarter, type));
            -- The change clock (version 5): one tick per batch that changes what the county feed shows; each
            -- indicator, data point, comparator and review row keeps the tick that last changed it, so a feed row
            -- knows when its figures last moved and "?since=" can return only what changed.
            CREATE TABLE IF NOT EXISTS change_clock (
                one boolean PRIMARY KEY DEFAULT true CHECK (one), tick bigint NOT NULL, changed_at timestamptz NOT NULL);
            INSERT INTO change_clock (one, tick, changed_at) VALUES (true, 0, now()) ON CONFLICT DO NOTHING;
            ALTER TABLE indicator ADD COLUMN IF NOT EXISTS geography_level text;
            ALTER TABLE indicator ADD COLUMN IF NOT EXISTS sources jsonb NOT NULL DEFAULT '[]';
            ALTER TABLE indicator ADD COLUMN IF NOT EXISTS changed bigint NOT NULL DEFAULT 0;
            ALTER TABLE measure ADD COLUMN IF NOT EXISTS changed bigint NOT NULL DEFAULT 0;
            -- version 6: what the public figures need of an indicator (rows of earlier versions: not public)
            ALTER TABLE indicator ADD COLUMN IF NOT EXISTS public boolean NOT NULL DEFAULT false;
            ALTER TABLE indicator ADD COLUMN IF NOT EXISTS disclosure_threshold int;
            -- the county feed reads one quarter of every partnership
            CREATE INDEX IF NOT EXISTS measure_by_county_quarter ON measure (quarter, indicator_code);
            CREATE TABLE IF NOT EXISTS comparator (
                partnership_id text NOT NULL, indicator_code text NOT NULL, geography text NOT NULL, period text NOT NULL,
                value numeric, average numeric NOT NULL, lower numeric NOT NULL, upper numeric NOT NULL, rank int,
                group_size int, source text, revision int NOT NULL, changed bigint NOT NULL,
                PRIMARY KEY (partnership_id, indicator_code, geography, period));
            -- a comparator table made before comparators v2 was applied lacks the v2 figures; give it them
            ALTER TABLE comparator ADD COLUMN IF NOT EXISTS value numeric;
            ALTER TABLE comparator ADD COLUMN IF NOT EXISTS rank int;
            ALTER TABLE comparator ADD COLUMN IF NOT EXISTS group_size int;
            ALTER TABLE comparator ADD COLUMN IF NOT EXISTS source text;
            CREATE TABLE IF NOT EXISTS review (
                partnership_id text NOT NULL, quarter text NOT NULL, state text NOT NULL, priorities int[] NOT NULL,
                submitted int[] NOT NULL, opened_at timestamptz NOT NULL, closed_at timestamptz, changed bigint NOT NULL,
                PRIMARY KEY (partnership_id, quarter));
            -- Version 6: the view as the partnership's meeting sees it. Each initiative's dates and objectives; the
            -- objectives; every progress report and every figure's revision with the time it was recorded (the view
            -- as at the close of a review reads what had been recorded by then); each engagement record's priorities,
            -- reach and when it was first recorded; every close of a quarterly review.
            ALTER TABLE initiative ADD COLUMN IF NOT EXISTS start_date date;
            ALTER TABLE initiative ADD COLUMN IF NOT EXISTS due_date date;
            ALTER TABLE initiative ADD COLUMN IF NOT EXISTS objectives jsonb NOT NULL DEFAULT '[]';
            CREATE TABLE IF NOT EXISTS objective (
                partnership_id text NOT NULL, objective_id text NOT NULL, priority int NOT NULL, text text NOT NULL,
                retired boolean NOT NULL DEFAULT false,
                PRIMARY KEY (partnership_id, objective_id));
            CREATE TABLE IF NOT EXISTS progress_report (
                partnership_id text NOT NULL, initiative_id text NOT NULL, version bigint NOT NULL, quarter text NOT NULL,
                status text NOT NULL, rag text NOT NULL, commentary text, reported_at timestamptz NOT NULL,
                PRIMARY KEY (partnership_id, initiative_id, version));
            -- version 7: who made each progress report (plan.initiative.updated.v2): the token's subject, the role
            -- reported in and the organisation its token named; null for a report of v1, which did not say
            ALTER TABLE progress_report ADD COLUMN IF NOT EXISTS reported_by text;
            ALTER TABLE progress_report ADD COLUMN IF NOT EXISTS reported_as text;
            ALTER TABLE progress_report ADD COLUMN IF NOT EXISTS reporter_organisation text;
            CREATE TABLE IF NOT EXISTS measure_revision (
                partnership_id text NOT NULL, indicator_code text NOT NULL, geography text NOT NULL,
                period text NOT NULL, source text NOT NULL, revision int NOT NULL, quarter text, value numeric NOT NULL,
                recorded_at timestamptz NOT NULL,
                PRIMARY KEY (partnership_id, indicator_code, geography, period, source, revision));
            CREATE INDEX IF NOT EXISTS measure_revision_by_quarter ON measure_revision (partnership_id, quarter);
            ALTER TABLE engagement ADD COLUMN IF NOT EXISTS priorities jsonb NOT NULL DEFAULT '[]';
            ALTER TABLE engagement ADD COLUMN IF NOT EXISTS reach int;
            ALTER TABLE engagement ADD COLUMN IF NOT EXISTS recorded_at timestamptz;
            CREATE INDEX IF NOT EXISTS engagement_by_quarter ON engagement (partnership_id, quarter);
            CREATE TABLE IF NOT EXISTS consultation (
                partnership_id text NOT NULL, consultation_id text NOT NULL, kind text, title text,
                priorities jsonb, opens_on date, planned_close date, closed_on date, questions jsonb, results jsonb,
                published_on date,
                PRIMARY KEY (partnership_id, consultation_id));
            CREATE TABLE IF NOT EXISTS case_review (
                partnership_id text NOT NULL, case_reference text NOT NULL, received_on date, decided_on date,
                threshold_met boolean, closed_on date, outcome text,
                PRIMARY KEY (partnership_id, case_reference));
            CREATE TABLE IF NOT EXISTS review_close (
                partnership_id text NOT NULL, quarter text NOT NULL, number int NOT NULL, closed_at timestamptz NOT NULL,
                PRIMARY KEY (partnership_id, quarter, number))""";

    /** The tick of the batch being applied, as a statement stamps a row it changes. */
    private static final String TICK = "(SELECT tick FROM change_clock)";

    /**
     * An initiative as a batch leaves it. {@code defined}: the batch holds its definition (priority, title, lead;
     * {@code priorityTitle} only from defined.v1); otherwise only its retirement, and the stored definition stays.
     */
    record InitiativeRow(
            String partnership,
            String id,
            Integer priority,
            String priorityTitle,
            String title,
            String lead,
            LocalDate start,
            LocalDate due,
            List<String> objectives,
            boolean defined,
            boolean retired) {

        InitiativeRow retire() {
            return new InitiativeRow(
                    partnership, id, priority, priorityTitle, title, lead, start, due, objectives, defined, true);
        }
    }

    /** An objective as a batch leaves it; {@code defined} as for {@link InitiativeRow}. */
    record ObjectiveRow(
            String partnership, String id, Integer priority, String text, boolean defined, boolean retired) {

        ObjectiveRow retire() {
            return new ObjectiveRow(partnership, id, priority, text, defined, true);
        }
    }

    /**
     * One progress report as it was made: the initiative's stream version keys it; {@code by} who made it (null for a
     * report of {@code plan.initiative.updated.v1}, which did not say).
     */
    record ReportRow(
            String partnership,
            String id,
            long version,
            String quarter,
            String status,
            String rag,
            String commentary,
            OffsetDateTime at,
            Reporter by) {}

    /**
     * Who made a progress report, as plan-service recorded it: the token's subject (a pseudonymous id, never a name),
     * the role reported in ({@code coordinator}, {@code priority-lead}) and the organisation the token named, if any.
     */
    record Reporter(String subject, String reportedAs, String organisation) {}

    /**
     * What a batch says of a consultation or survey: each field null where its events say nothing of it (opened: kind,
     * title, priorities, dates and questions as JSON; closed: the day; results published: the results as JSON and the
     * day, a later publication replacing an earlier one).
     */
    record ConsultationRow(
            String partnership,
            String id,
            String kind,
            String title,
            String priorities,
            LocalDate opensOn,
            LocalDate plannedClose,
            LocalDate closedOn,
            String questions,
            String results,
            LocalDate publishedOn) {

        /** This row with what {@code later} says over it. */
        ConsultationRow then(ConsultationRow later) {
            return new ConsultationRow(
                    partnership,
                    id,
                    or(later.kind, kind),
                    or(later.title, title),
                    or(later.priorities, priorities),
                    or(later.opensOn, opensOn),
                    or(later.plannedClose, plannedClose),
                    or(later.closedOn, closedOn),
                    or(later.questions, questions),
                    or(later.results, results),
                    or(later.publishedOn, publishedOn));
        }
    }

    /**
     * What a batch says of an ASB case review, only its dates and outcomes (no text, no names): received, the threshold
     * decided (met or not), closed with its outcome; null where its events say nothing of it.
     */
    record CaseReviewRow(
            String partnership,
            String reference,
            LocalDate receivedOn,
            LocalDate decidedOn,
            Boolean met,
            LocalDate closedOn,
            String outcome) {

        CaseReviewRow then(CaseReviewRow later) {
            return new CaseReviewRow(
                    partnership,
                    reference,
                    or(later.receivedOn, receivedOn),
                    or(later.decidedOn, decidedOn),
                    or(later.met, met),
                    or(later.closedOn, closedOn),
                    or(later.outcome, outcome));
        }
    }

    private static <T> T or(T later, T earlier) {
        return later != null ? later : earlier;
    }

    /** One revision of a data point, as recorded and when. */
    record RevisionRow(
            String partnership,
            String code,
            String geography,
            String period,
            String source,
            int revision,
            String quarter,
            BigDecimal value,
            OffsetDateTime at) {}

    /** A priority as a batch leaves it; {@code defined} as for {@link InitiativeRow}. */
    record PriorityRow(String partnership, int number, String title, boolean defined, boolean retired) {

        PriorityRow retire() {
            return new PriorityRow(partnership, number, title, defined, true);
        }
    }

    record ProgressRow(
            String partnership,
            String id,
            String quarter,
            String status,
            String rag,
            String commentary,
            OffsetDateTime at) {}

    /**
     * {@code targets}: a JSON object of targets by financial year ("2024/25"), as the read model stores it;
     * {@code geographyLevel}: "district" or "ward" (null when the event gave none); {@code sources}: a JSON array of the
     * organisations expected to report it; {@code disclosureThreshold} (or null) and {@code isPublic}: whether the
     * public figures show it.
     */
    record IndicatorRow(
            String partnership,
            String code,
            String title,
            Integer priority,
            String unit,
            String frequency,
            String aggregation,
            String polarity,
            BigDecimal tolerance,
            String targets,
            String geographyLevel,
            String sources,
            Integer disclosureThreshold,
            boolean isPublic) {}

    /** A data point: {@code period} its canonical label, {@code quarter} null for a whole financial year. */
    record MeasureRow(
            String partnership,
            String code,
            String geography,
            String period,
            String source,
            String quarter,
            BigDecimal value,
            String status,
            int revision) {}

    /**
     * A Most Similar Family Group's figures for an indicator, period and district: {@code value} (the partnership's
     * own figure as the group compares it), {@code rank} and {@code groupSize} where the source gave them;
     * {@code source} the comparator source that imported them (null: posted by hand).
     */
    record ComparatorRow(
            String partnership,
            String code,
            String geography,
            String period,
            BigDecimal value,
            BigDecimal average,
            BigDecimal lower,
            BigDecimal upper,
            Integer rank,
            Integer groupSize,
            String source,
            int revision) {}

    /**
     * One event of a partnership's quarterly review, applied in order: opened (with the priorities expected to
     * report), a priority's report submitted (that priority), closed, reopened.
     */
    record ReviewStep(Kind kind, String partnership, String quarter, List<Integer> priorities, OffsetDateTime at) {

        enum Kind {
            OPENED,
            REPORT_SUBMITTED,
            CLOSED,
            REOPENED;

            static Kind of(String type) {
                return switch (type) {
                    case PlanEventTypes.REVIEW_OPENED_V1 -> OPENED;
                    case PlanEventTypes.REPORT_SUBMITTED_V1 -> REPORT_SUBMITTED;
                    case PlanEventTypes.REVIEW_CLOSED_V1 -> CLOSED;
                    case PlanEventTypes.REVIEW_REOPENED_V1 -> REOPENED;
                    default -> throw new IllegalArgumentException(type + " is not a quarterly review's event");
                };
            }
        }
    }

    /**
     * An engagement record as a batch leaves it. {@code defined}: the batch holds its details; otherwise only its
     * withdrawal, and the stored details stay.
     */
    record EngagementRow(
            String partnership,
            String id,
            String type,
            String title,
            LocalDate date,
            String quarter,
            Integer attendance,
            Integer reach,
            List<Integer> priorities,
            OffsetDateTime at,
            boolean defined,
            boolean withdrawn) {

        EngagementRow withdraw() {
            return new EngagementRow(
                    partnership, id, type, title, date, quarter, attendance, reach, priorities, at, defined, true);
        }
    }

    private QuarterlyTables() {}

    /**
     * A definition replaces the stored one; a retirement alone keeps it (read in the same statement) and only marks
     * the initiative retired. A retirement of an initiative never defined here (its definition was parked) has
     * nothing to remove.
     */
    static Uni<Void> upsertInitiatives(SqlConnection tx, Collection<InitiativeRow> rows) {
        Unnest<InitiativeRow> u = Unnest.of(rows)
                .text("partnership_id", InitiativeRow::partnership)
                .text("initiative_id", InitiativeRow::id)
                .integer("priority", InitiativeRow::priority)
                .text("priority_title", InitiativeRow::priorityTitle)
                .text("title", InitiativeRow::title)
                .text("lead", InitiativeRow::lead)
                .date("start_date", InitiativeRow::start)
                .date("due_date", InitiativeRow::due)
                .text("objectives", i -> i.objectives() == null ? null : MeasuresReader.texts(i.objectives()))
                .bool("defined", InitiativeRow::defined)
                .bool("retired", InitiativeRow::retired);
        return execute(tx, u, """
                INSERT INTO initiative (partnership_id, initiative_id, priority, priority_title, title,
                                        lead_organisation, start_date, due_date, objectives, retired)
                SELECT u.partnership_id, u.initiative_id,
                       CASE WHEN u.defined THEN u.priority ELSE i.priority END,
                       CASE WHEN u.defined THEN u.priority_title ELSE i.priority_title END,
                       CASE WHEN u.defined THEN u.title ELSE i.title END,
                       CASE WHEN u.defined THEN u.lead ELSE i.lead_organisation END,
                       CASE WHEN u.defined THEN u.start_date ELSE i.start_date END,
                       CASE WHEN u.defined THEN u.due_date ELSE i.due_date END,
                       CASE WHEN u.defined THEN u.objectives::jsonb ELSE i.objectives END,
                       u.retired
                  FROM %s
                  LEFT JOIN initiative i ON i.partnership_id = u.partnership_id AND i.initiative_id = u.initiative_id
                 WHERE u.defined OR i.initiative_id IS NOT NULL
                ON CONFLICT (partnership_id, initiative_id) DO UPDATE SET priority = excluded.priority,
                    priority_title = excluded.priority_title, title = excluded.title,
                    lead_organisation = excluded.lead_organisation, start_date = excluded.start_date,
                    due_date = excluded.due_date, objectives = excluded.objectives,
                    retired = excluded.retired""".formatted(u.as("u")));
    }

    /** As {@link #upsertInitiatives}: a retirement alone keeps the stored definition. */
    static Uni<Void> upsertObjectives(SqlConnection tx, Collection<ObjectiveRow> rows) {
        Unnest<ObjectiveRow> u = Unnest.of(rows)
                .text("partnership_id", ObjectiveRow::partnership)
                .text("objective_id", ObjectiveRow::id)
                .integer("priority", ObjectiveRow::priority)
                .text("text", ObjectiveRow::text)
                .bool("defined", ObjectiveRow::defined)
                .bool("retired", ObjectiveRow::retired);
        return execute(tx, u, """
                INSERT INTO objective (partnership_id, objective_id, priority, text, retired)
                SELECT u.partnership_id, u.objective_id, CASE WHEN u.defined THEN u.priority ELSE o.priority END,
                       CASE WHEN u.defined THEN u.text ELSE o.text END, u.retired
                  FROM %s
                  LEFT JOIN objective o ON o.partnership_id = u.partnership_id AND o.objective_id = u.objective_id
                 WHERE u.defined OR o.objective_id IS NOT NULL
                ON CONFLICT (partnership_id, objective_id) DO UPDATE SET priority = excluded.priority,
                    text = excluded.text, retired = excluded.retired""".formatted(u.as("u")));
    }

    /** Every report is kept; one applied again (its version is its key) changes nothing. */
    static Uni<Void> addReports(SqlConnection tx, Collection<ReportRow> rows) {
        Unnest<ReportRow> u = Unnest.of(rows)
                .text("partnership_id", ReportRow::partnership)
                .text("initiative_id", ReportRow::id)
                .bigint("version", ReportRow::version)
                .text("quarter", ReportRow::quarter)
                .text("status", ReportRow::status)
                .text("rag", ReportRow::rag)
                .text("commentary", ReportRow::commentary)
                .timestamptz("reported_at", ReportRow::at)
                .text("reported_by", r -> r.by() == null ? null : r.by().subject())
                .text("reported_as", r -> r.by() == null ? null : r.by().reportedAs())
                .text("reporter_organisation", r -> r.by() == null ? null : r.by().organisation());
        return execute(tx, u, """
                INSERT INTO progress_report (%s) SELECT * FROM %s
                ON CONFLICT (partnership_id, initiative_id, version) DO NOTHING""".formatted(u.columns(), u.as("u")));
    }

    /** What the batch says of each consultation, over what is stored. */
    static Uni<Void> upsertConsultations(SqlConnection tx, Collection<ConsultationRow> rows) {
        Unnest<ConsultationRow> u = Unnest.of(rows)
                .text("partnership_id", ConsultationRow::partnership)
                .text("consultation_id", ConsultationRow::id)
                .text("kind", ConsultationRow::kind)
                .text("title", ConsultationRow::title)
                .text("priorities", ConsultationRow::priorities)
                .date("opens_on", ConsultationRow::opensOn)
                .date("planned_close", ConsultationRow::plannedClose)
                .date("closed_on", ConsultationRow::closedOn)
                .text("questions", ConsultationRow::questions)
                .text("results", ConsultationRow::results)
                .date("published_on", ConsultationRow::publishedOn);
        return execute(tx, u, """
                INSERT INTO consultation (%s)
                SELECT u.partnership_id, u.consultation_id, u.kind, u.title, u.priorities::jsonb, u.opens_on,
                       u.planned_close, u.closed_on, u.questions::jsonb, u.results::jsonb, u.published_on
                  FROM %s
                ON CONFLICT (partnership_id, consultation_id) DO UPDATE SET
                    kind = coalesce(excluded.kind, consultation.kind),
                    title = coalesce(excluded.title, consultation.title),
                    priorities = coalesce(excluded.priorities, consultation.priorities),
                    opens_on = coalesce(excluded.opens_on, consultation.opens_on),
                    planned_close = coalesce(excluded.planned_close, consultation.planned_close),
                    closed_on = coalesce(excluded.closed_on, consultation.closed_on),
                    questions = coalesce(excluded.questions, consultation.questions),
                    results = coalesce(excluded.results, consultation.results),
                    published_on = coalesce(excluded.published_on, consultation.published_on)""".formatted(u.columns(), u.as("u")));
    }

    /** What the batch says of each case review, over what is stored. */
    static Uni<Void> upsertCaseReviews(SqlConnection tx, Collection<CaseReviewRow> rows) {
        Unnest<CaseReviewRow> u = Unnest.of(rows)
                .text("partnership_id", CaseReviewRow::partnership)
                .text("case_reference", CaseReviewRow::reference)
                .date("received_on", CaseReviewRow::receivedOn)
                .date("decided_on", CaseReviewRow::decidedOn)
                .bool("threshold_met", CaseReviewRow::met)
                .date("closed_on", CaseReviewRow::closedOn)
                .text("outcome", CaseReviewRow::outcome);
        return execute(tx, u, """
                INSERT INTO case_review (%s) SELECT * FROM %s
                ON CONFLICT (partnership_id, case_reference) DO UPDATE SET
                    received_on = coalesce(excluded.received_on, case_review.received_on),
                    decided_on = coalesce(excluded.decided_on, case_review.decided_on),
                    threshold_met = coalesce(excluded.threshold_met, case_review.threshold_met),
                    closed_on = coalesce(excluded.closed_on, case_review.closed_on),
                    outcome = coalesce(excluded.outcome, case_review.outcome)""".formatted(u.columns(), u.as("u")));
    }

    /** Every revision of every data point is kept, with when it was recorded. */
    static Uni<Void> addRevisions(SqlConnection tx, Collection<RevisionRow> rows) {
        Unnest<RevisionRow> u = Unnest.of(rows)
                .text("partnership_id", RevisionRow::partnership)
                .text("indicator_code", RevisionRow::code)
                .text("geography", RevisionRow::geography)
                .text("period", RevisionRow::period)
                .text("source", RevisionRow::source)
                .integer("revision", RevisionRow::revision)
                .text("quarter", RevisionRow::quarter)
                .numeric("value", RevisionRow::value)
                .timestamptz("recorded_at", RevisionRow::at);
        return execute(tx, u, """
                INSERT INTO measure_revision (%s) SELECT * FROM %s
                ON CONFLICT (partnership_id, indicator_code, geography, period, source, revision) DO NOTHING""".formatted(u.columns(), u.as("u")));
    }

    /** As {@link #upsertInitiatives}: a retired priority keeps its title (its initiatives may still name it). */
    static Uni<Void> upsertPriorities(SqlConnection tx, Collection<PriorityRow> rows) {
        Unnest<PriorityRow> u = Unnest.of(rows)
                .text("partnership_id", PriorityRow::partnership)
                .integer("number", PriorityRow::number)
                .text("title", PriorityRow::title)
                .bool("defined", PriorityRow::defined)
                .bool("retired", PriorityRow::retired);
        return execute(tx, u, """
                INSERT INTO priority (partnership_id, number, title, retired)
                SELECT u.partnership_id, u.number, CASE WHEN u.defined THEN u.title ELSE p.title END, u.retired
                  FROM %s
                  LEFT JOIN priority p ON p.partnership_id = u.partnership_id AND p.number = u.number
                 WHERE u.defined OR p.number IS NOT NULL
                ON CONFLICT (partnership_id, number) DO UPDATE SET title = excluded.title, retired = excluded.retired""".formatted(u.as("u")));
    }

    static Uni<Void> upsertProgress(SqlConnection tx, Collection<ProgressRow> rows) {
        Unnest<ProgressRow> u = Unnest.of(rows)
                .text("partnership_id", ProgressRow::partnership)
                .text("initiative_id", ProgressRow::id)
                .text("quarter", ProgressRow::quarter)
                .text("status", ProgressRow::status)
                .text("rag", ProgressRow::rag)
                .text("commentary", ProgressRow::commentary)
                .timestamptz("reported_at", ProgressRow::at);
        return execute(tx, u, """
                INSERT INTO initiative_progress (%s) SELECT * FROM %s
                ON CONFLICT (partnership_id, initiative_id, quarter) DO UPDATE SET status = excluded.status,
                    rag = excluded.rag, commentary = excluded.commentary, reported_at = excluded.reported_at""".formatted(u.columns(), u.as("u")));
    }

    /** A definition (any version) replaces the stored one. */
    static Uni<Void> upsertIndicators(SqlConnection tx, Collection<IndicatorRow> rows) {
        Unnest<IndicatorRow> u = Unnest.of(rows)
                .text("partnership_id", IndicatorRow::partnership)
                .text("code", IndicatorRow::code)
                .text("title", IndicatorRow::title)
                .integer("priority", IndicatorRow::priority)
                .text("unit", IndicatorRow::unit)
                .text("frequency", IndicatorRow::frequency)
                .text("aggregation", IndicatorRow::aggregation)
                .text("polarity", IndicatorRow::polarity)
                .numeric("tolerance", IndicatorRow::tolerance)
                .text("targets", IndicatorRow::targets)
                .text("geography_level", IndicatorRow::geographyLevel)
                .text("sources", IndicatorRow::sources)
                .integer("disclosure_threshold", IndicatorRow::disclosureThreshold)
                .bool("public", IndicatorRow::isPublic);
        return execute(tx, u, """
                INSERT INTO indicator (%s, changed)
                SELECT u.partnership_id, u.code, u.title, u.priority, u.unit, u.frequency, u.aggregation, u.polarity,
                       u.tolerance, u.targets::jsonb, u.geography_level, u.sources::jsonb, u.disclosure_threshold,
                       u.public, %s
                  FROM %s
                ON CONFLICT (partnership_id, code) DO UPDATE SET title = excluded.title, priority = excluded.priority,
                    unit = excluded.unit, frequency = excluded.frequency, aggregation = excluded.aggregation,
                    polarity = excluded.polarity, tolerance = excluded.tolerance, targets = excluded.targets,
                    geography_level = excluded.geography_level, sources = excluded.sources,
                    disclosure_threshold = excluded.disclosure_threshold, public = excluded.public,
                    changed = excluded.changed""".formatted(u.columns(), TICK, u.as("u")));
    }

    /**
     * One row per data point (partnership, indicator, geography, period and source). A revision is a higher revision
     * number: an older one arriving later (or published again) never replaces it.
     */
    static Uni<Void> upsertMeasures(SqlConnection tx, Collection<MeasureRow> rows) {
        Unnest<MeasureRow> u = Unnest.of(rows)
                .text("partnership_id", MeasureRow::partnership)
                .text("indicator_code", MeasureRow::code)
                .text("geography", MeasureRow::geography)
                .text("period", MeasureRow::period)
                .text("source", MeasureRow::source)
                .text("quarter", MeasureRow::quarter)
                .numeric("value", MeasureRow::value)
                .text("status", MeasureRow::status)
                .integer("revision", MeasureRow::revision);
        return execute(tx, u, """
                INSERT INTO measure (%s, changed) SELECT *, %s FROM %s
                ON CONFLICT (partnership_id, indicator_code, geography, period, source) DO UPDATE SET
                    quarter = excluded.quarter, value = excluded.value, status = excluded.status,
                    revision = excluded.revision, changed = excluded.changed
                WHERE measure.revision < excluded.revision""".formatted(u.columns(), TICK, u.as("u")));
    }

    /** As {@link #upsertMeasures}: a higher revision replaces the stored one, an older one never does. */
    static Uni<Void> upsertComparators(SqlConnection tx, Collection<ComparatorRow> rows) {
        Unnest<ComparatorRow> u = Unnest.of(rows)
                .text("partnership_id", ComparatorRow::partnership)
                .text("indicator_code", ComparatorRow::code)
                .text("geography", ComparatorRow::geography)
                .text("period", ComparatorRow::period)
                .numeric("value", ComparatorRow::value)
                .numeric("average", ComparatorRow::average)
                .numeric("lower", ComparatorRow::lower)
                .numeric("upper", ComparatorRow::upper)
                .integer("rank", ComparatorRow::rank)
                .integer("group_size", ComparatorRow::groupSize)
                .text("source", ComparatorRow::source)
                .integer("revision", ComparatorRow::revision);
        return execute(tx, u, """
                INSERT INTO comparator (%s, changed) SELECT *, %s FROM %s
                ON CONFLICT (partnership_id, indicator_code, geography, period) DO UPDATE SET value = excluded.value,
                    average = excluded.average, lower = excluded.lower, upper = excluded.upper, rank = excluded.rank,
                    group_size = excluded.group_size, source = excluded.source, revision = excluded.revision,
                    changed = excluded.changed
                WHERE comparator.revision < excluded.revision""".formatted(u.columns(), TICK, u.as("u")));
    }

    /**
     * Each step in order, one statement each (a quarter has a handful). Opening (again) starts the review afresh; a
     * report adds its priority to those submitted; closing and reopening change the state. A step of a review whose
     * opening was never applied here (it was parked) has nothing to change.
     */
    static Uni<Void> applyReviews(SqlConnection tx, List<ReviewStep> steps) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReviewStep step : steps) {
            chain = chain.flatMap(ignored -> applyReview(tx, step));
        }
        return chain;
    }

    private static Uni<Void> applyReview(SqlConnection tx, ReviewStep step) {
        String where = " WHERE partnership_id = $1 AND quarter = $2";
        Tuple key = Tuple.of(step.partnership(), step.quarter());
        return switch (step.kind()) {
            case OPENED ->
                tx.preparedQuery("""
                            INSERT INTO review (partnership_id, quarter, state, priorities, submitted, opened_at, changed)
                            VALUES ($1, $2, 'open', $3, '{}', $4, %s)
                            ON CONFLICT (partnership_id, quarter) DO UPDATE SET state = 'open',
                                priorities = excluded.priorities, submitted = '{}', opened_at = excluded.opened_at,
                                closed_at = NULL, changed = excluded.changed""".formatted(TICK))
                        .execute(key.addArrayOfInteger(step.priorities().toArray(Integer[]::new))
                                .addOffsetDateTime(step.at()))
                        .replaceWithVoid();
            case REPORT_SUBMITTED ->
                tx.preparedQuery("""
                            UPDATE review SET submitted = ARRAY(SELECT DISTINCT s FROM unnest(submitted || $3::int) s
                                                                 ORDER BY s), changed = %s""".formatted(TICK) + where)
                        .execute(key.addInteger(step.priorities().getFirst()))
                        .replaceWithVoid();
            // every close is kept, numbered from 1: the view as at each stays readable
            case CLOSED ->
                tx.preparedQuery("""
                            WITH closed AS (
                                UPDATE review SET state = 'closed', closed_at = $3, changed = %s%s RETURNING 1)
                            INSERT INTO review_close (partnership_id, quarter, number, closed_at)
                            SELECT $1, $2, coalesce(max(number), 0) + 1, $3 FROM review_close
                             WHERE partnership_id = $1 AND quarter = $2
                            HAVING EXISTS (SELECT 1 FROM closed)""".formatted(TICK, where))
                        .execute(key.addOffsetDateTime(step.at()))
                        .replaceWithVoid();
            case REOPENED ->
                tx.preparedQuery("UPDATE review SET state = 'open', closed_at = NULL, changed = " + TICK + where)
                        .execute(key)
                        .replaceWithVoid();
        };
    }

    /** The next tick of the change clock, for the batch being applied. */
    static Uni<Void> tick(SqlConnection tx) {
        return tx.query("UPDATE change_clock SET tick = tick + 1, changed_at = now()")
                .execute()
                .replaceWithVoid();
    }

    /**
     * Each record as the batch leaves it, and the quarter's totals by type change by exactly the difference: what the
     * stored record counted (unless withdrawn) comes off, what the new one counts goes on; a record the batch only
     * withdraws keeps its stored details. One statement, so the totals and the records move together.
     */
    static Uni<Void> addEngagements(SqlConnection tx, Collection<EngagementRow> rows) {
        Unnest<EngagementRow> u = Unnest.of(rows)
                .text("partnership", EngagementRow::partnership)
                .text("id", EngagementRow::id)
                .text("type", EngagementRow::type)
                .text("title", EngagementRow::title)
                .date("date", EngagementRow::date)
                .text("quarter", EngagementRow::quarter)
                .integer("attendance", EngagementRow::attendance)
                .integer("reach", EngagementRow::reach)
                .text(
                        "priorities",
                        e -> e.priorities() == null ? null : e.priorities().toString())
                .timestamptz("recorded_at", EngagementRow::at)
                .bool("defined", EngagementRow::defined)
                .bool("withdrawn", EngagementRow::withdrawn);
        return execute(tx, u, """
                WITH incoming AS (
                    SELECT * FROM %s),
                old AS (
                    SELECT g.* FROM engagement g JOIN incoming i ON g.partnership_id = i.partnership AND g.engagement_id = i.id),
                final AS (
                    SELECT i.partnership, i.id,
                           CASE WHEN i.defined THEN i.type ELSE o.type END AS type,
                           CASE WHEN i.defined THEN i.title ELSE o.title END AS title,
                           CASE WHEN i.defined THEN i.date ELSE o.date END AS date,
                           CASE WHEN i.defined THEN i.quarter ELSE o.quarter END AS quarter,
                           CASE WHEN i.defined THEN i.attendance ELSE o.attendance END AS attendance,
                           i.withdrawn OR coalesce(o.withdrawn, false) AS withdrawn,
                           CASE WHEN i.defined THEN i.reach ELSE o.reach END AS reach,
                           CASE WHEN i.defined THEN i.priorities::jsonb ELSE o.priorities END AS priorities,
                           coalesce(o.recorded_at, i.recorded_at) AS recorded_at
                      FROM incoming i LEFT JOIN old o ON o.partnership_id = i.partnership AND o.engagement_id = i.id),
                stored AS (
                    INSERT INTO engagement (partnership_id, engagement_id, type, title, date, quarter, attendance, withdrawn,
                                            reach, priorities, recorded_at)
                    SELECT * FROM final
                    ON CONFLICT (partnership_id, engagement_id) DO UPDATE SET type = excluded.type, title = excluded.title,
                        date = excluded.date, quarter = excluded.quarter, attendance = excluded.attendance,
                        withdrawn = excluded.withdrawn, reach = excluded.reach, priorities = excluded.priorities,
                        recorded_at = excluded.recorded_at
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
                    attendance = engagement_total.attendance + excluded.attendance""".formatted(u.as("e")));
    }

    private static Uni<Void> execute(SqlConnection tx, Unnest<?> columns, String sql) {
        if (columns.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(sql).execute(columns.parameters()).replaceWithVoid();
    }
}
