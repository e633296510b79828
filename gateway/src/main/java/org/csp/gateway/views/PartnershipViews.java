package org.csp.gateway.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.gateway.county.CountyFeeds;
import org.csp.gateway.county.CountyReference.CoreIndicators;
import org.csp.gateway.county.FeedQuery;
import org.csp.gateway.county.FeedRow;
import org.csp.gateway.county.FeedRows;
import org.csp.gateway.quarterly.MeasuresReader;
import org.csp.gateway.quarterly.QuarterlyViewProjection;
import org.csp.gateway.quarterly.QuarterlyViews;
import org.csp.gateway.quarterly.ViewCache;
import org.csp.gateway.quarterly.ViewClock;
import org.csp.gateway.views.PriorityView.Progress;
import org.csp.gateway.views.PriorityView.ReportedBy;
import org.csp.gateway.views.PriorityViews.CaseReview;
import org.csp.gateway.views.PriorityViews.Consultation;
import org.csp.gateway.views.PriorityViews.Engagement;
import org.csp.gateway.views.PriorityViews.Initiative;
import org.csp.gateway.views.PriorityViews.Objective;
import org.csp.gateway.views.PriorityViews.Priority;
import org.csp.gateway.views.QuarterView.AsAt;
import org.csp.gateway.views.QuarterView.Close;
import org.csp.gateway.views.QuarterView.ReviewState;
import org.csp.geography.GeographyFile;
import org.csp.partnership.PartnershipRegistry;
import org.csp.problem.ProblemException;

/**
 * Reads the partnership's quarterly view and a priority's page from the live generation of the quarterly projection,
 * in one consistent read. The projection's clock comes first: its generation and tick with what was asked make the
 * entity tag, and a request that names it is answered 304 before anything else is read.
 *
 * <p>Which figures: for a quarter whose review is closed, as they stood at its latest close (the default, or
 * {@code asAt=close}); {@code asAt=close:N} at the N-th close; {@code asAt=live} (and the default for a quarter
 * not closed) as they stand now. As at a close means every data point's latest revision and every initiative's latest
 * progress report recorded by then; what changed after is shown beside it, never in its place.
 */
@ApplicationScoped
public class PartnershipViews {

    static final String FORMAT = "quarterly-view/2";

    /** Views kept by their tag, of each kind: a meeting's quarters, as at now and at their closes, for a few partnerships. */
    private static final int KEPT = 64;

    private final Pool pool;
    private final QuarterlyViews flat;
    private final PartnershipRegistry registry;
    private final GeographyFile geography;
    private final CoreIndicators core;
    private final ProcessControlReadings processControl;
    private final ViewCache quarters;
    private final ViewCache priorities;

    public PartnershipViews(
            Pool pool,
            QuarterlyViews flat,
            PartnershipRegistry registry,
            GeographyFile geography,
            CoreIndicators core,
            ProcessControlReadings processControl,
            ObjectMapper json) {
        this.quarters = new ViewCache(json, KEPT);
        this.priorities = new ViewCache(json, KEPT);
        this.pool = pool;
        this.processControl = processControl;
        this.flat = flat;
        this.registry = registry;
        this.geography = geography;
        this.core = core;
    }

    /** An answer and its tag: {@code view} null when the request's tag still holds (304). */
    public record Tagged<T>(String etag, Instant lastModified, T view) {}

    /** The whole partnership's view of a quarter. */
    public Uni<Tagged<byte[]>> quarter(
            String partnership, FinancialQuarter quarter, ViewAsAt asAt, String ifNoneMatch) {
        return ProjectionRunner.read(
                pool,
                QuarterlyViewProjection.NAME,
                tx -> ViewClock.read(tx).flatMap(clock -> {
                    String etag = clock.etag(FORMAT, partnership + "|" + quarter.pathId() + "|" + asAt, "json");
                    if (ViewClock.matches(ifNoneMatch, etag)) {
                        return Uni.createFrom().item(new Tagged<byte[]>(etag, clock.changedAt(), null));
                    }
                    return quarters.get(
                                    etag,
                                    () -> read(tx, partnership, quarter, asAt)
                                            .flatMap(read -> flat.view(tx, partnership, quarter)
                                                    .map(legacy -> new QuarterView(
                                                            partnership,
                                                            quarter.label(),
                                                            quarter.firstDay(),
                                                            quarter.lastDay(),
                                                            read.asAt(),
                                                            read.review(),
                                                            read.result().totals(),
                                                            read.result().priorities().stream()
                                                                    .map(PartnershipViews::withoutLists)
                                                                    .toList(),
                                                            read.result().otherIndicators(),
                                                            legacy.initiatives(),
                                                            legacy.measures(),
                                                            legacy.engagement(),
                                                            legacy.summary()))))
                            .map(view -> new Tagged<>(etag, clock.changedAt(), view));
                }));
    }

    /** One priority's page of a quarter; 404 for a priority the plan does not have. */
    public Uni<Tagged<byte[]>> priority(
            String partnership, FinancialQuarter quarter, int number, ViewAsAt asAt, String ifNoneMatch) {
        return ProjectionRunner.read(
                pool,
                QuarterlyViewProjection.NAME,
                tx -> ViewClock.read(tx).flatMap(clock -> {
                    String etag = clock.etag(
                            FORMAT, partnership + "|" + quarter.pathId() + "|" + asAt + "|priority " + number, "json");
                    if (ViewClock.matches(ifNoneMatch, etag)) {
                        return Uni.createFrom().item(new Tagged<byte[]>(etag, clock.changedAt(), null));
                    }
                    return priorities
                            .get(
                                    etag,
                                    () -> read(tx, partnership, quarter, asAt).map(read -> {
                                        PriorityView priority = read.result().priorities().stream()
                                                .filter(p -> p.number() == number)
                                                .findFirst()
                                                .orElseThrow(() -> new ProblemException(
                                                        404,
                                                        "not-found",
                                                        "No such priority",
                                                        "The plan of " + partnership + " has no priority " + number
                                                                + "."));
                                        return new PriorityQuarterView(
                                                partnership,
                                                quarter.label(),
                                                quarter.firstDay(),
                                                quarter.lastDay(),
                                                read.asAt(),
                                                read.review(),
                                                priority);
                                    }))
                            .map(view -> new Tagged<>(etag, clock.changedAt(), view));
                }));
    }

    private static PriorityView withoutLists(PriorityView p) {
        return new PriorityView(
                p.number(),
                p.title(),
                p.report(),
                p.summary(),
                p.indicators(),
                p.engagement(),
                p.consultations(),
                null,
                null);
    }

    record Read(AsAt asAt, ReviewState review, PriorityViews.Result result) {}

    Uni<Read> read(SqlConnection tx, String partnership, FinancialQuarter quarter, ViewAsAt asked) {
        Tuple key = Tuple.of(partnership, quarter.label());
        Parts parts = new Parts();
        return review(tx, key)
                .flatMap(review -> {
                    parts.review = review;
                    parts.asAt = asked.resolve(review, quarter);
                    return priorities(tx, partnership);
                })
                .flatMap(priorities -> {
                    parts.priorities = priorities;
                    return objectives(tx, partnership);
                })
                .flatMap(objectives -> {
                    parts.objectives = objectives;
                    return initiatives(tx, partnership);
                })
                .flatMap(initiatives -> {
                    parts.initiatives = initiatives;
                    return progress(tx, partnership, quarter, parts.at());
                })
                .flatMap(progress -> {
                    parts.progress = progress;
                    return parts.at() == null
                            ? Uni.createFrom().item(Map.<String, Progress>of())
                            : progress(tx, partnership, quarter, null);
                })
                .flatMap(liveProgress -> {
                    parts.liveProgress = liveProgress;
                    return indicators(tx, partnership, quarter, parts.at());
                })
                .flatMap(indicators -> {
                    parts.indicators = indicators;
                    return processControl.read(tx, partnership, quarter, parts.at());
                })
                .flatMap(readings -> {
                    parts.processControl = readings;
                    return engagement(tx, partnership, quarter, parts.at());
                })
                .flatMap(engagement -> {
                    parts.engagement = engagement;
                    return consultations(tx, partnership, quarter);
                })
                .flatMap(consultations -> {
                    parts.consultations = consultations;
                    return caseReviews(tx, partnership, quarter);
                })
                .map(caseReviews -> new Read(
                        parts.asAt,
                        parts.review,
                        PriorityViews.of(new PriorityViews.Inputs(
                                quarter,
                                parts.priorities,
                                parts.objectives,
                                parts.initiatives,
                                parts.progress,
                                parts.liveProgress,
                                parts.indicators.rows(),
                                parts.indicators.live(),
                                parts.indicators.revisedAt(),
                                parts.indicators.priorityOf(),
                                parts.processControl,
                                parts.engagement,
                                parts.consultations,
                                caseReviews,
                                parts.review))));
    }

    /** What a read has gathered so far, one query after another on its connection. */
    private static final class Parts {
        AsAt asAt;
        ReviewState review;
        List<Priority> priorities;
        List<Objective> objectives;
        List<Initiative> initiatives;
        Map<String, Progress> progress;
        Map<String, Progress> liveProgress;
        Indicators indicators;
        Map<String, PriorityView.ProcessControlReading> processControl;
        List<Engagement> engagement;
        List<Consultation> consultations;

        /** The time the view is as at (null: live). */
        Instant at() {
            return asAt.closedAt();
        }
    }

    private static Uni<List<Priority>> priorities(SqlConnection tx, String partnership) {
        return tx.preparedQuery(
                        "SELECT number, title FROM priority WHERE partnership_id = $1 AND NOT retired ORDER BY number")
                .execute(Tuple.of(partnership))
                .map(rows -> list(rows, r -> new Priority(r.getInteger("number"), r.getString("title"))));
    }

    private static Uni<List<Objective>> objectives(SqlConnection tx, String partnership) {
        return tx.preparedQuery("""
                        SELECT objective_id, priority, text FROM objective
                         WHERE partnership_id = $1 AND NOT retired ORDER BY objective_id""")
                .execute(Tuple.of(partnership))
                .map(rows -> list(
                        rows,
                        r -> new Objective(
                                r.getString("objective_id"), r.getInteger("priority"), r.getString("text"))));
    }

    private static Uni<List<Initiative>> initiatives(SqlConnection tx, String partnership) {
        return tx.preparedQuery("""
                        SELECT initiative_id, priority, title, lead_organisation, start_date, due_date,
                               objectives::text AS objectives
                          FROM initiative WHERE partnership_id = $1 AND NOT retired
                         ORDER BY priority, initiative_id""")
                .execute(Tuple.of(partnership))
                .map(rows -> list(
                        rows,
                        r -> new Initiative(
                                r.getString("initiative_id"),
                                r.getInteger("priority"),
                                r.getString("title"),
                                r.getString("lead_organisation"),
                                r.getLocalDate("start_date"),
                                r.getLocalDate("due_date"),
                                MeasuresReader.textsOf(r.getString("objectives")))));
    }

    /** The quarter's review, its expected and submitted priorities and every close. */
    private static Uni<ReviewState> review(SqlConnection tx, Tuple key) {
        return tx.preparedQuery("""
                        SELECT state, priorities, submitted, opened_at, closed_at FROM review
                         WHERE partnership_id = $1 AND quarter = $2""")
                .execute(key)
                .flatMap(rows -> tx.preparedQuery("""
                                SELECT number, closed_at FROM review_close
                                 WHERE partnership_id = $1 AND quarter = $2 ORDER BY number""").execute(key).map(closes -> {
                    List<Close> all = list(closes, c -> new Close(c.getInteger("number"), instant(c, "closed_at")));
                    if (!rows.iterator().hasNext()) {
                        return new ReviewState("not-opened", null, null, List.of(), List.of(), List.of(), all);
                    }
                    Row r = rows.iterator().next();
                    List<Integer> expected = List.of(r.getArrayOfIntegers("priorities"));
                    List<Integer> submitted = List.of(r.getArrayOfIntegers("submitted"));
                    return new ReviewState(
                            r.getString("state"),
                            instant(r, "opened_at"),
                            instant(r, "closed_at"),
                            expected,
                            submitted,
                            PriorityViews.missing(expected, submitted),
                            all);
                }));
    }

    /** Each initiative's latest progress report up to the quarter, made by {@code at} (null: any). */
    private static Uni<Map<String, Progress>> progress(
            SqlConnection tx, String partnership, FinancialQuarter quarter, Instant at) {
        return tx.preparedQuery("""
                        SELECT DISTINCT ON (initiative_id) initiative_id, quarter, status, rag, commentary, reported_at,
                               reported_by, reported_as, reporter_organisation
                          FROM progress_report
                         WHERE partnership_id = $1 AND quarter <= $2 AND ($3::timestamptz IS NULL OR reported_at <= $3)
                         ORDER BY initiative_id, quarter DESC, version DESC""")
                .execute(Tuple.of(partnership, quarter.label()).addOffsetDateTime(offset(at)))
                .map(rows -> {
                    Map<String, Progress> progress = new HashMap<>();
                    for (Row r : rows) {
                        progress.put(
                                r.getString("initiative_id"),
                                new Progress(
                                        r.getString("quarter"),
                                        r.getString("status"),
                                        r.getString("rag"),
                                        r.getString("commentary"),
                                        reportedBy(r),
                                        instant(r, "reported_at")));
                    }
                    return progress;
                });
    }

    /** Who made a progress report; null when its event did not say (plan.initiative.updated.v1). */
    private static ReportedBy reportedBy(Row r) {
        String subject = r.getString("reported_by");
        return subject == null
                ? null
                : new ReportedBy(subject, r.getString("reported_as"), r.getString("reporter_organisation"));
    }

    private record Indicators(
            List<FeedRow> rows,
            Map<String, FeedRow> live,
            Map<String, Instant> revisedAt,
            Map<String, Integer> priorityOf) {}

    /**
     * The partnership's indicators at its district, assessed as the county feed assesses them: as at {@code at}, and
     * (when {@code at} is a close) as they stand now, with when each one's figures last changed after it.
     */
    private Uni<Indicators> indicators(SqlConnection tx, String partnership, FinancialQuarter quarter, Instant at) {
        String[] partnerships = {partnership};
        FeedQuery query = new FeedQuery(quarter, FeedQuery.Level.DISTRICT, FeedQuery.Indicators.ALL, null);
        return CountyFeeds.inputs(tx, quarter, partnerships, null, at)
                .map(inputs -> FeedRows.of(query, registry, geography, core.codes(), inputs))
                .flatMap(rows -> (at == null
                                ? Uni.createFrom().item(List.<FeedRow>of())
                                : CountyFeeds.inputs(tx, quarter, partnerships, null, null)
                                        .map(inputs -> FeedRows.of(query, registry, geography, core.codes(), inputs)))
                        .flatMap(live -> revisedAt(tx, partnership, quarter, at)
                                .flatMap(revisedAt -> tx.preparedQuery(
                                                "SELECT code, priority FROM indicator WHERE partnership_id = $1")
                                        .execute(Tuple.of(partnership))
                                        .map(priorities -> {
                                            Map<String, Integer> priorityOf = new HashMap<>();
                                            for (Row r : priorities) {
                                                if (r.getInteger("priority") != null) {
                                                    priorityOf.put(r.getString("code"), r.getInteger("priority"));
                                                }
                                            }
                                            return new Indicators(
                                                    rows,
                                                    live.stream()
                                                            .collect(Collectors.toMap(
                                                                    FeedRow::indicator, Function.identity())),
                                                    revisedAt,
                                                    priorityOf);
                                        }))));
    }

    /** When each indicator's figures of the quarter (or a year earlier) were last revised after {@code at}. */
    private static Uni<Map<String, Instant>> revisedAt(
            SqlConnection tx, String partnership, FinancialQuarter quarter, Instant at) {
        if (at == null) {
            return Uni.createFrom().item(Map.of());
        }
        FinancialQuarter lastYear = new FinancialQuarter(quarter.startYear() - 1, quarter.quarter());
        return tx.preparedQuery("""
                        SELECT indicator_code, max(recorded_at) AS at FROM measure_revision
                         WHERE partnership_id = $1 AND (quarter = ANY ($2) OR period = ANY ($3)) AND recorded_at > $4
                         GROUP BY indicator_code""")
                .execute(Tuple.of(partnership)
                        .addArrayOfString(new String[] {quarter.label(), lastYear.label()})
                        .addArrayOfString(new String[] {quarter.financialYear(), lastYear.financialYear()})
                        .addOffsetDateTime(offset(at)))
                .map(rows -> {
                    Map<String, Instant> revised = new HashMap<>();
                    rows.forEach(r -> revised.put(r.getString("indicator_code"), instant(r, "at")));
                    return revised;
                });
    }

    /** The quarter's engagement records (not withdrawn), first recorded by {@code at} (null: any). */
    private static Uni<List<Engagement>> engagement(
            SqlConnection tx, String partnership, FinancialQuarter quarter, Instant at) {
        return tx.preparedQuery("""
                        SELECT type, priorities::text AS priorities, coalesce(attendance, 0) AS attendance,
                               coalesce(reach, 0) AS reach
                          FROM engagement
                         WHERE partnership_id = $1 AND quarter = $2 AND NOT withdrawn
                           AND ($3::timestamptz IS NULL OR recorded_at <= $3)""")
                .execute(Tuple.of(partnership, quarter.label()).addOffsetDateTime(offset(at)))
                .map(rows -> list(
                        rows,
                        r -> new Engagement(
                                r.getString("type"),
                                MeasuresReader.textsOf(r.getString("priorities")).stream()
                                        .map(Integer::valueOf)
                                        .toList(),
                                r.getInteger("attendance"),
                                r.getInteger("reach"))));
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The consultations and surveys that closed in the quarter, with their latest published results. */
    private static Uni<List<Consultation>> consultations(
            SqlConnection tx, String partnership, FinancialQuarter quarter) {
        return tx.preparedQuery("""
                        SELECT consultation_id, kind, title, priorities::text AS priorities, closed_on, published_on,
                               questions::text AS questions, results::text AS results
                          FROM consultation
                         WHERE partnership_id = $1 AND closed_on BETWEEN $2 AND $3 ORDER BY closed_on, consultation_id""")
                .execute(Tuple.of(partnership, quarter.firstDay(), quarter.lastDay()))
                .map(rows -> list(rows, r -> {
                    Map<String, String> questions = new HashMap<>();
                    json(r.getString("questions"))
                            .forEach(q -> questions.put(
                                    q.path("code").asText(), q.path("text").asText()));
                    List<PriorityView.Result> results = new ArrayList<>();
                    json(r.getString("results"))
                            .forEach(x -> results.add(new PriorityView.Result(
                                    x.path("question").asText(),
                                    questions.get(x.path("question").asText()),
                                    x.path("percentage").decimalValue(),
                                    x.path("sampleSize").isNumber()
                                            ? x.path("sampleSize").intValue()
                                            : null)));
                    List<Integer> priorities = new ArrayList<>();
                    json(r.getString("priorities")).forEach(n -> priorities.add(n.intValue()));
                    return new Consultation(
                            priorities,
                            new PriorityView.ConsultationView(
                                    r.getString("consultation_id"),
                                    r.getString("kind"),
                                    r.getString("title"),
                                    r.getLocalDate("closed_on"),
                                    r.getLocalDate("published_on"),
                                    results));
                }));
    }

    /** The case reviews received, decided or closed in the quarter: dates and outcomes only. */
    private static Uni<List<CaseReview>> caseReviews(SqlConnection tx, String partnership, FinancialQuarter quarter) {
        return tx.preparedQuery("""
                        SELECT received_on, decided_on, threshold_met, closed_on, outcome FROM case_review
                         WHERE partnership_id = $1 AND (received_on BETWEEN $2 AND $3 OR decided_on BETWEEN $2 AND $3
                                                        OR closed_on BETWEEN $2 AND $3)""")
                .execute(Tuple.of(partnership, quarter.firstDay(), quarter.lastDay()))
                .map(rows -> list(
                        rows,
                        r -> new CaseReview(
                                r.getLocalDate("received_on"),
                                r.getLocalDate("decided_on"),
                                r.getBoolean("threshold_met"),
                                r.getLocalDate("closed_on"),
                                r.getString("outcome"))));
    }

    /** A stored JSON value (null: an empty array). */
    private static JsonNode json(String text) {
        if (text == null) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored value of the quarterly view is not JSON: " + text, e);
        }
    }

    private static OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static <T> List<T> list(Iterable<Row> rows, Function<Row, T> map) {
        List<T> list = new ArrayList<>();
        rows.forEach(r -> list.add(map.apply(r)));
        return list;
    }
}
