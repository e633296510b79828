package org.csp.gateway.county;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.projection.ProjectionRunner;
import org.csp.gateway.county.CountyReference.CoreIndicators;
import org.csp.gateway.county.FeedRows.Comparison;
import org.csp.gateway.county.FeedRows.Definition;
import org.csp.gateway.county.FeedRows.Figure;
import org.csp.gateway.county.FeedRows.Inputs;
import org.csp.gateway.county.FeedRows.Review;
import org.csp.gateway.quarterly.MeasuresReader;
import org.csp.gateway.quarterly.QuarterlyViewProjection;
import org.csp.gateway.quarterly.ViewClock;
import org.csp.geography.GeographyFile;
import org.csp.partnership.PartnershipRegistry;
import org.csp.problem.ProblemException;

/**
 * Reads the county feed from the live generation of the gateway's quarterly projection, in one consistent read. The
 * change clock comes first: its generation and tick are the answer's cursor and entity tag, so a conditional request
 * whose tag still holds is answered 304 without reading a figure.
 */
@ApplicationScoped
public class CountyFeeds {

    /** Part of every entity tag: a change to what the rows hold or how they are written changes every tag. */
    static final String FORMAT = "county-feed/1";

    private final Pool pool;
    private final PartnershipRegistry registry;
    private final GeographyFile geography;
    private final CoreIndicators core;

    public CountyFeeds(Pool pool, PartnershipRegistry registry, GeographyFile geography, CoreIndicators core) {
        this.pool = pool;
        this.registry = registry;
        this.geography = geography;
        this.core = core;
    }

    /** An answer: the feed, or "not modified" when the request's tag or date still holds. */
    public sealed interface Answer {
        String etag();

        Instant lastModified();

        FeedCursor cursor();
    }

    public record Fresh(String etag, Instant lastModified, FeedCursor cursor, CountyFeed feed) implements Answer {}

    public record NotModified(String etag, Instant lastModified, FeedCursor cursor) implements Answer {}

    /**
     * The feed for {@code query} in {@code representation} (its media type, part of the tag); {@code ifNoneMatch} and
     * {@code ifModifiedSince} as the request sent them (null when absent).
     */
    public Uni<Answer> read(FeedQuery query, String representation, String ifNoneMatch, Instant ifModifiedSince) {
        return ProjectionRunner.read(
                pool,
                QuarterlyViewProjection.NAME,
                tx -> ViewClock.read(tx).flatMap(clock -> {
                    FeedCursor cursor = new FeedCursor(clock.generation(), clock.tick());
                    Instant lastModified = clock.changedAt();
                    checkSince(query.since(), cursor);
                    String etag = clock.etag(FORMAT, query.variant(), representation);
                    boolean notModified = ifNoneMatch != null
                            ? ViewClock.matches(ifNoneMatch, etag)
                            : ifModifiedSince != null && !lastModified.isAfter(ifModifiedSince);
                    if (notModified) {
                        return Uni.createFrom().item((Answer) new NotModified(etag, lastModified, cursor));
                    }
                    String[] partnerships = registry.partnerships().stream()
                            .map(PartnershipRegistry.Partnership::id)
                            .toArray(String[]::new);
                    // the core set alone unless every indicator is asked for
                    String[] codes = query.indicators() == FeedQuery.Indicators.CORE
                            ? core.codes().toArray(String[]::new)
                            : null;
                    return inputs(tx, query.quarter(), partnerships, codes, null)
                            .map(inputs -> {
                                List<FeedRow> rows = FeedRows.of(query, registry, geography, core.codes(), inputs);
                                PartnershipRegistry.CountyBoard county = registry.county();
                                return (Answer) new Fresh(
                                        etag,
                                        lastModified,
                                        cursor,
                                        new CountyFeed(
                                                query.quarter().pathId(),
                                                query.level().code(),
                                                query.indicators().code(),
                                                county.id(),
                                                county.gss().code(),
                                                cursor.toString(),
                                                query.since() == null
                                                        ? null
                                                        : query.since().toString(),
                                                lastModified,
                                                rows));
                            });
                }));
    }

    /**
     * A cursor of another generation cannot say what changed (the projection was rebuilt from the events since): 410,
     * fetch the whole feed again. One ahead of the clock was never given by this feed.
     */
    private static void checkSince(FeedCursor since, FeedCursor now) {
        if (since == null) {
            return;
        }
        if (since.generation() != now.generation()) {
            throw new ProblemException(
                    410,
                    "full-fetch-needed",
                    "A full fetch is needed",
                    "The feed was rebuilt since cursor " + since + "; fetch it again without since and keep the new"
                            + " cursor.");
        }
        if (since.tick() > now.tick()) {
            throw FeedQuery.invalid("since", "is ahead of the feed; send a cursor this feed gave");
        }
    }

    /**
     * The quarter's and the same quarter last year's indicators, figures, comparators and reviews of
     * {@code partnerships}, of the indicators {@code codes} (null: all). {@code asAt} null: the figures as they stand;
     * else each data point's latest revision recorded by then.
     */
    public static Uni<Inputs> inputs(
            SqlConnection tx, FinancialQuarter q, String[] partnerships, String[] codes, Instant asAt) {
        FinancialQuarter lastYear = new FinancialQuarter(q.startYear() - 1, q.quarter());
        String codeFilter = " AND ($2::text[] IS NULL OR %s = ANY ($2))";
        Tuple key = Tuple.of(partnerships).addArrayOfString(codes);
        String figureQuery = asAt == null
                ? """
                        SELECT partnership_id, indicator_code, geography, period, source, value, changed
                          FROM measure
                         WHERE partnership_id = ANY ($1) AND (quarter = ANY ($3) OR period = ANY ($4))""" + codeFilter.formatted("indicator_code")
                : """
                        SELECT DISTINCT ON (partnership_id, indicator_code, geography, period, source)
                               partnership_id, indicator_code, geography, period, source, value, 0::bigint AS changed
                          FROM measure_revision
                         WHERE partnership_id = ANY ($1) AND (quarter = ANY ($3) OR period = ANY ($4))
                           AND recorded_at <= $5"""
                        + codeFilter.formatted("indicator_code")
                        + " ORDER BY partnership_id, indicator_code, geography, period, source, revision DESC";
        Tuple figureKey = Tuple.of(partnerships)
                .addArrayOfString(codes)
                .addArrayOfString(new String[] {q.label(), lastYear.label()})
                .addArrayOfString(new String[] {q.financialYear(), lastYear.financialYear()});
        if (asAt != null) {
            figureKey.addOffsetDateTime(asAt.atOffset(ZoneOffset.UTC));
        }
        return tx.preparedQuery("""
                        SELECT partnership_id, code, title, unit, frequency, aggregation, polarity, tolerance,
                               targets::text AS targets, geography_level, sources::text AS sources, changed
                          FROM indicator WHERE partnership_id = ANY ($1)""" + codeFilter.formatted("code"))
                .execute(key)
                .map(rows -> list(
                        rows,
                        r -> new Definition(
                                r.getString("partnership_id"),
                                r.getString("code"),
                                r.getString("title"),
                                r.getString("unit"),
                                r.getString("frequency"),
                                r.getString("aggregation"),
                                r.getString("polarity"),
                                r.getBigDecimal("tolerance"),
                                MeasuresReader.targetsOf(r.getString("targets")),
                                r.getString("geography_level"),
                                MeasuresReader.textsOf(r.getString("sources")),
                                r.getLong("changed"))))
                .flatMap(definitions -> tx.preparedQuery(figureQuery)
                        .execute(figureKey)
                        .map(rows -> list(
                                rows,
                                r -> new Figure(
                                        r.getString("partnership_id"),
                                        r.getString("indicator_code"),
                                        r.getString("geography"),
                                        r.getString("period"),
                                        r.getString("source"),
                                        r.getBigDecimal("value"),
                                        r.getLong("changed"))))
                        .flatMap(figures -> tx.preparedQuery("""
                                        SELECT partnership_id, indicator_code, geography, period, value, average, lower,
                                               upper, rank, group_size, changed
                                          FROM comparator WHERE partnership_id = ANY ($1) AND period = ANY ($3)""" + codeFilter.formatted("indicator_code"))
                                .execute(Tuple.of(partnerships)
                                        .addArrayOfString(codes)
                                        .addArrayOfString(q.periodLabels().toArray(String[]::new)))
                                .map(rows -> list(
                                        rows,
                                        r -> new Comparison(
                                                r.getString("partnership_id"),
                                                r.getString("indicator_code"),
                                                r.getString("geography"),
                                                r.getString("period"),
                                                r.getBigDecimal("value"),
                                                r.getBigDecimal("average"),
                                                r.getBigDecimal("lower"),
                                                r.getBigDecimal("upper"),
                                                r.getInteger("rank"),
                                                r.getInteger("group_size"),
                                                r.getLong("changed"))))
                                .flatMap(comparisons -> tx.preparedQuery("""
                                                SELECT partnership_id, state, cardinality(submitted) AS submitted,
                                                       cardinality(priorities) AS expected, closed_at, changed
                                                  FROM review
                                                 WHERE partnership_id = ANY ($1) AND quarter = $2""")
                                        .execute(Tuple.of(partnerships, q.label()))
                                        .map(rows -> list(rows, r -> {
                                            OffsetDateTime closed = r.getOffsetDateTime("closed_at");
                                            return new Review(
                                                    r.getString("partnership_id"),
                                                    r.getString("state"),
                                                    r.getInteger("submitted"),
                                                    r.getInteger("expected"),
                                                    closed == null ? null : closed.toInstant(),
                                                    r.getLong("changed"));
                                        }))
                                        .map(reviews -> new Inputs(definitions, figures, comparisons, reviews)))));
    }

    private static <T> List<T> list(Iterable<Row> rows, Function<Row, T> map) {
        List<T> list = new ArrayList<>();
        rows.forEach(r -> list.add(map.apply(r)));
        return list;
    }
}
