package org.csp.measures.datapoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.csp.calendar.ReportingPeriod;
import org.csp.calendar.UkCalendar;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.ConcurrencyConflict;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.StoredEvent;
import org.csp.eventsourcing.StreamAppend;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.http.IdempotentRequests;
import org.csp.http.IdempotentRequests.Answer;
import org.csp.http.Partnerships;
import org.csp.measures.datapoint.DataPointCommand.Key;
import org.csp.measures.datapoint.DataPointCommand.RecordFigure;
import org.csp.measures.datapoint.DataPointCommand.Submission;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;
import org.csp.measures.datapoint.DataPointTable.DataPointRow;
import org.csp.measures.geography.Geographies;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.measures.indicator.Indicators;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Application service of the data points: one validation for a single figure, a JSON batch and a CSV batch, then one
 * transaction per request that records every figure or none. A new figure is {@code measures.measure.recorded.v1}, a
 * different one for the same point {@code measures.measure.revised.v1}, the same one nothing.
 */
@ApplicationScoped
public class DataPoints {

    /** The most rows a batch holds, as documented; {@code csp.data-points.max-rows} may lower it, never raise it. */
    public static final int MAX_ROWS = 10_000;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DataPoints.class);

    private final EventStore store;
    private final Indicators indicators;
    private final Geographies geographies;
    private final IdempotentRequests idempotency;
    private final int maxRows;
    private final Clock clock;
    private final Counter retries;

    public DataPoints(
            EventStore store,
            Indicators indicators,
            Geographies geographies,
            IdempotentRequests idempotency,
            @ConfigProperty(name = "csp.data-points.max-rows", defaultValue = "" + MAX_ROWS) int maxRows,
            Clock clock,
            MeterRegistry metrics) {
        this.store = store;
        this.indicators = indicators;
        this.geographies = geographies;
        this.idempotency = idempotency;
        this.maxRows = Math.min(maxRows, MAX_ROWS);
        this.clock = clock;
        this.retries = Counter.builder("csp.data_points.retries")
                .description(
                        "Writes of data points tried again whole after a conflict (none expected: see DataPointLocks)")
                .register(metrics);
    }

    /** How many writes were tried again whole after a conflict since the start. */
    public double retries() {
        return retries.count();
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        DataPointTable.prepare(store);
        DataPointLocks.prepare(store);
    }

    /** Where a data point's events live: one stream per indicator, geography, period and source. */
    static String streamId(Key key) {
        return key.partnershipId() + ":datapoint:" + key.indicatorCode() + ":" + key.geography() + ":"
                + key.period().replace('/', '-').replace(' ', '-') + ":" + key.source();
    }

    /**
     * Who posts: {@code partnership} is the one partnership the caller may post for (null: any it {@code serves}, for
     * a county-wide partner system that named none); {@code partnerOrganisation} the agency's organisation from its
     * token (null for the coordinator).
     */
    public record Caller(Actor actor, String partnership, Set<String> serves, String partnerOrganisation) {}

    /** The answer to a request, and whether it is the stored answer to an earlier one with the same idempotency key. */
    public record Ingested(Answer answer, boolean replayed) {}

    /** What happened to one row: the event it produced (none when the figure was already the current one). */
    public record RowOutcome(Submission submission, DataPointEvent event, DataPointEvent current) {}

    /**
     * Records {@code rows} all-or-nothing and answers with {@code answer} of what happened; with an idempotency key, a
     * repeat gets the first answer back and records nothing. {@code problems} are what reading the rows found.
     */
    public Uni<Ingested> ingest(
            List<RowInput> rows,
            List<Validation> problems,
            Caller caller,
            String key,
            String requestHash,
            Function<List<RowOutcome>, Answer> answer) {
        if (rows.size() > maxRows) {
            throw new ProblemException(
                    413,
                    "too-many-rows",
                    "The batch is too large",
                    "A batch holds at most " + maxRows + " rows; this one has " + rows.size() + ". Split it.");
        }
        if (rows.isEmpty()) {
            throw new ProblemException(
                    422,
                    "empty-batch",
                    "The batch is empty",
                    "Send at least one data point row.",
                    List.of(new FieldViolation("rows", "must hold at least one row")));
        }
        Set<String> partnershipIds = rows.stream()
                .map(r -> DataPointRules.partnershipOf(geographies, r.geography()))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        if (caller.partnership() == null && !caller.serves().containsAll(partnershipIds)) {
            throw Partnerships.notServed(partnershipIds, caller.serves());
        }
        return rulesOf(partnershipIds).flatMap(rules -> {
            authorise(rows, caller, rules);
            var context = new DataPointRules.Context(
                    geographies, rules, caller.partnership(), caller.partnerOrganisation(), UkCalendar.today(clock));
            List<Submission> submissions = new ArrayList<>(rows.size());
            Map<Key, Integer> seen = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Validation v = problems.get(i);
                Submission s = DataPointRules.check(rows.get(i), v, context);
                if (s != null) {
                    Integer earlier = seen.putIfAbsent(s.key(), rows.get(i).row());
                    v.require(
                            earlier == null,
                            "row",
                            "repeats row " + earlier + " (the same indicator, period, geography and source)");
                }
                submissions.add(s);
            }
            throwIfInvalid(problems);
            return Uni.createFrom()
                    .deferred(() ->
                            store.inTransaction(unit -> record(unit, submissions, caller, key, requestHash, answer)))
                    .onFailure(DataPoints::retryable)
                    .invoke(failure -> retries.increment())
                    .onFailure(DataPoints::retryable)
                    .retry()
                    .withBackOff(Duration.ofMillis(5), Duration.ofMillis(200))
                    .atMost(30);
        });
    }

    private Uni<Ingested> record(
            UnitOfWork unit,
            List<Submission> submissions,
            Caller caller,
            String key,
            String requestHash,
            Function<List<RowOutcome>, Answer> answer) {
        Uni<java.util.Optional<Answer>> claimed = key == null
                ? Uni.createFrom().item(java.util.Optional.empty())
                : idempotency.claim(unit.connection(), caller.actor(), key, requestHash);
        return claimed.flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(new Ingested(replay.get(), true));
            }
            return DataPointLocks.lock(unit.connection(), lockNames(submissions))
                    .flatMap(locked -> decideAll(unit.connection(), submissions, caller.actor(), unit.now()))
                    .flatMap(decided -> {
                        if (!decided.rejected().isEmpty()) {
                            throw invalid(decided.rejected());
                        }
                        decided.appends().forEach(unit::append);
                        Answer result = answer.apply(decided.outcomes());
                        return DataPointTable.upsert(unit.connection(), decided.changed())
                                .flatMap(ignored -> key == null
                                        ? Uni.createFrom().voidItem()
                                        : idempotency.complete(unit.connection(), caller.actor(), key, result))
                                .replaceWith(new Ingested(result, false));
                    });
        });
    }

    /** What deciding a set of submissions came to: per row, the appends, the new current rows, and refusals. */
    private record Decided(
            List<RowOutcome> outcomes,
            List<StreamAppend> appends,
            List<DataPointRow> changed,
            List<FieldViolation> rejected) {}

    /**
     * Reads the current revisions of the submissions' data points and decides each: one read for the whole set, never
     * a point's history. The caller holds their {@link DataPointLocks}, so no concurrent writer changes them meanwhile.
     */
    private static Uni<Decided> decideAll(
            SqlConnection tx, List<Submission> submissions, Actor actor, OffsetDateTime now) {
        List<Key> keys = submissions.stream().map(Submission::key).toList();
        return DataPointTable.current(tx, keys).map(current -> {
            List<RowOutcome> outcomes = new ArrayList<>(submissions.size());
            List<StreamAppend> appends = new ArrayList<>();
            List<DataPointRow> changed = new ArrayList<>();
            List<FieldViolation> rejected = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                Submission s = submissions.get(i);
                DataPointRow row = current.get(s.key());
                DataPointEvent stored = row == null ? null : currentOf(row);
                try {
                    List<DataPointEvent> events =
                            DataPoint.DECIDER.decide(new RecordFigure(s, actor.client()), new DataPoint(stored));
                    if (events.isEmpty()) {
                        outcomes.add(new RowOutcome(s, null, stored));
                        continue;
                    }
                    DataPointEvent event = events.getFirst();
                    String streamId = row == null ? streamId(s.key()) : row.streamId();
                    long version = row == null ? 0 : row.version();
                    appends.add(new StreamAppend(
                            streamId, s.partnershipId(), version, List.of(DataPointEvent.TYPES.encode(event)), actor));
                    changed.add(new DataPointRow(
                            s.partnershipId(),
                            s.indicatorCode(),
                            s.period().label(),
                            s.geography(),
                            s.source(),
                            s.period().firstDay(),
                            s.period().lastDay(),
                            event.value(),
                            event.numerator(),
                            event.denominator(),
                            event.status(),
                            actor.client(),
                            event.revision(),
                            streamId,
                            version + 1,
                            now));
                    outcomes.add(new RowOutcome(s, event, event));
                } catch (CommandRejected e) {
                    rejected.add(new FieldViolation(i + 1, e.field() == null ? "row" : e.field(), e.getMessage()));
                }
            }
            return new Decided(outcomes, appends, changed, rejected);
        });
    }

    /**
     * Records derived figures in the caller's transaction (the engagement consumer's): each differing from its data
     * point's current revision becomes an event, appended here; a figure given twice counts once, the last.
     */
    public Uni<Void> recordDerived(SqlConnection tx, List<Submission> submissions, Actor actor) {
        Map<Key, Submission> last = new LinkedHashMap<>();
        submissions.forEach(s -> last.put(s.key(), s));
        if (last.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Submission> figures = new ArrayList<>(last.values());
        return DataPointLocks.lock(tx, lockNames(figures))
                .flatMap(locked -> decideAll(
                        tx, figures, actor, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)))
                .flatMap(decided -> {
                    decided.rejected().forEach(r -> LOG.warnf("Derived figure not recorded: %s", r));
                    return DataPointTable.upsert(tx, decided.changed())
                            .flatMap(ignored -> store.append(tx, decided.appends()))
                            .invoke(stored -> {
                                if (!stored.isEmpty()) {
                                    LOG.debugf("%d derived figures recorded", stored.size());
                                }
                            })
                            .replaceWithVoid();
                });
    }

    /** What {@link DataPointLocks} locks for each submission: its data point's stream, named by its key. */
    private static List<String> lockNames(List<Submission> submissions) {
        return submissions.stream().map(s -> streamId(s.key())).toList();
    }

    /** A data point's current revision as the decider reads it. */
    private static DataPointEvent currentOf(DataPointRow row) {
        return new DataPointRecorded(
                row.indicator(),
                row.period(),
                row.geography(),
                row.value(),
                row.status(),
                row.source(),
                row.submittedBy(),
                row.revision(),
                row.numerator(),
                row.denominator());
    }

    /**
     * A conflict or deadlock that the locks leave no room for but that a writer outside them (an older instance during a
     * rolling upgrade) could still cause: the whole transaction is tried again.
     */
    private static boolean retryable(Throwable failure) {
        if (failure instanceof ConcurrencyConflict conflict) {
            return !conflict.preconditionFailed();
        }
        return failure instanceof PgException pg
                && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }

    /** Each partnership's indicators by code. */
    private Uni<Map<String, Map<String, IndicatorRules>>> rulesOf(Set<String> partnershipIds) {
        Uni<Map<String, Map<String, IndicatorRules>>> all = Uni.createFrom().item(new HashMap<>());
        for (String p : partnershipIds) {
            all = all.flatMap(map -> indicators.list(p, null).map(rows -> {
                map.put(p, rows.stream().collect(Collectors.toMap(IndicatorRow::code, IndicatorRow::rules)));
                return map;
            }));
        }
        return all;
    }

    /**
     * A partner agency posts only for indicators its organisation is a source of, and only as that organisation: one
     * row that breaks this refuses the whole batch with 403.
     */
    private void authorise(List<RowInput> rows, Caller caller, Map<String, Map<String, IndicatorRules>> rules) {
        String organisation = caller.partnerOrganisation();
        if (organisation == null) {
            return;
        }
        Set<String> notSource = new TreeSet<>();
        Set<String> otherSources = new TreeSet<>();
        for (RowInput row : rows) {
            String p = DataPointRules.partnershipOf(geographies, row.geography());
            IndicatorRules indicator = p == null || row.indicator() == null
                    ? null
                    : rules.getOrDefault(p, Map.of()).get(row.indicator().strip());
            if (indicator != null && !indicator.sources().contains(organisation)) {
                notSource.add(indicator.code());
            }
            if (row.source() != null && !row.source().strip().equals(organisation)) {
                otherSources.add(row.source().strip());
            }
        }
        if (!notSource.isEmpty()) {
            throw ProblemException.forbidden("'" + organisation + "' is not a source of " + String.join(", ", notSource)
                    + "; nothing in the batch was stored.");
        }
        if (!otherSources.isEmpty()) {
            throw ProblemException.forbidden(
                    "A partner agency posts figures only as its own organisation ('" + organisation + "'), not as "
                            + String.join(", ", otherSources) + "; nothing in the batch was stored.");
        }
    }

    private static void throwIfInvalid(List<Validation> problems) {
        List<FieldViolation> all =
                problems.stream().flatMap(v -> v.violations().stream()).toList();
        if (!all.isEmpty()) {
            throw invalid(all);
        }
    }

    private static ProblemException invalid(List<FieldViolation> violations) {
        long rows = violations.stream().map(FieldViolation::row).distinct().count();
        return new ProblemException(
                422,
                "validation-failed",
                "The data points are not valid",
                rows + (rows == 1 ? " row is" : " rows are")
                        + " not valid; nothing was stored. Each error names its row, field and reason.",
                violations);
    }

    /** Current revisions of an indicator's data points. */
    public Uni<List<DataPointRow>> list(
            String partnershipId,
            String code,
            String geography,
            String source,
            ReportingPeriod from,
            ReportingPeriod to) {
        return indicators.find(partnershipId, code).flatMap(found -> {
            found.orElseThrow(() -> ProblemException.notFound("Indicator", code));
            return DataPointTable.list(
                    store.pool(),
                    partnershipId,
                    code,
                    geography,
                    source,
                    from == null ? null : from.firstDay(),
                    to == null ? null : to.lastDay());
        });
    }

    /** Every revision of each data point in {@code rows}, oldest first, by stream. */
    public Uni<Map<String, List<StoredEvent>>> revisions(List<DataPointRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return store.readStreams(
                        store.pool(), rows.stream().map(DataPointRow::streamId).toList())
                .map(events -> events.stream()
                        .collect(
                                Collectors.groupingBy(StoredEvent::streamId, LinkedHashMap::new, Collectors.toList())));
    }

    public Uni<List<DataPointRow>> since(String partnershipId, String geography, LocalDate from) {
        return DataPointTable.since(store.pool(), partnershipId, geography, from);
    }
}
