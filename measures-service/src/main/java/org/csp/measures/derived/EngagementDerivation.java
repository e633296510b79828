package org.csp.measures.derived;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.ReportingPeriod;
import org.csp.contracts.EngagementEventTypes;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.EventData;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.UnprocessableEvent;
import org.csp.measures.datapoint.DataPointCommand.Submission;
import org.csp.measures.datapoint.DataPoints;
import org.csp.measures.datapoint.DataStatus;
import org.csp.measures.geography.Geographies;
import org.csp.measures.indicator.Derivation;
import org.csp.measures.indicator.IndicatorRules;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.measures.indicator.Indicators;
import org.jboss.logging.Logger;

/**
 * The derived indicators, from {@code engagement.events} with the kernel's exactly-once consumer: community workshops,
 * organisations that completed the checklist, and the organisations and areas of community payback (counted per
 * quarter from the engagement records, withdrawn ones not counted), and the perception figures of published
 * consultation results. Each event updates the facts in {@code engagement_fact} (only when it is newer than what the
 * fact holds, so replaying the topic changes nothing); the quarters it touched are counted again and every count that
 * differs from the data point's current revision is recorded as a data point event, in the consumer's transaction.
 */
@ApplicationScoped
public class EngagementDerivation implements Projection {

    private static final Logger LOG = Logger.getLogger(EngagementDerivation.class);
    static final Actor ACTOR = new Actor("engagement-records", "measures-service");

    static final String FACTS_DDL = """
            CREATE TABLE IF NOT EXISTS public.engagement_fact (
                partnership_id text    NOT NULL,
                engagement_id  text    NOT NULL,
                version        bigint  NOT NULL,
                type           text    NOT NULL,
                quarter        text    NOT NULL,
                place          text,
                organisations  text[]  NOT NULL,
                withdrawn      boolean NOT NULL,
                PRIMARY KEY (partnership_id, engagement_id))""";

    private final Indicators indicators;
    private final DataPoints dataPoints;
    private final Geographies geographies;

    public EngagementDerivation(Indicators indicators, DataPoints dataPoints, Geographies geographies) {
        this.indicators = indicators;
        this.dataPoints = dataPoints;
        this.geographies = geographies;
    }

    @Override
    public String name() {
        return "derived";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> topics() {
        return List.of(EngagementEventTypes.TOPIC);
    }

    /** The facts live in public (see the class comment); a generation keeps only the consumer's bookkeeping. */
    @Override
    public String ddl() {
        return FACTS_DDL;
    }

    @Override
    public Set<String> appliedTypes() {
        return Set.of(
                EngagementEventTypes.ENGAGEMENT_RECORDED_V1,
                EngagementEventTypes.ENGAGEMENT_RECORDED_V2,
                EngagementEventTypes.ENGAGEMENT_RECORDED_V3,
                EngagementEventTypes.ENGAGEMENT_AMENDED_V1,
                EngagementEventTypes.ENGAGEMENT_AMENDED_V2,
                EngagementEventTypes.ENGAGEMENT_WITHDRAWN_V1,
                EngagementEventTypes.RESULTS_PUBLISHED_V1);
    }

    @Override
    public Set<String> ignoredTypes() {
        return Set.of(
                EngagementEventTypes.FOLLOW_UP_ADDED_V1,
                EngagementEventTypes.CONSULTATION_OPENED_V1,
                EngagementEventTypes.CONSULTATION_CLOSED_V1,
                EngagementEventTypes.CASE_REVIEW_RECEIVED_V1,
                EngagementEventTypes.THRESHOLD_DECIDED_V1,
                EngagementEventTypes.MEETING_HELD_V1,
                EngagementEventTypes.RECOMMENDATIONS_RECORDED_V1,
                EngagementEventTypes.CASE_REVIEW_CLOSED_V1);
    }

    /** An engagement record as one event leaves it; {@code details} false for a withdrawal, which keeps the stored details. */
    private record Fact(
            String partnership,
            String id,
            long version,
            String type,
            String quarter,
            String place,
            List<String> organisations,
            boolean details,
            boolean withdrawn) {}

    private record Result(
            String partnership, String indicator, ReportingPeriod period, String geography, BigDecimal percentage) {}

    @Override
    public Uni<Void> apply(SqlConnection tx, List<CloudEvent> events) {
        List<Fact> facts = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (CloudEvent event : events) {
            EventData data = EventData.of(event);
            String p = event.partnershipId();
            switch (event.type()) {
                case EngagementEventTypes.ENGAGEMENT_RECORDED_V1 ->
                    facts.add(new Fact(
                            p,
                            data.text("engagementId"),
                            event.streamVersion(),
                            data.text("type"),
                            quarter(data, "date"),
                            null,
                            List.of(),
                            true,
                            false));
                case EngagementEventTypes.ENGAGEMENT_RECORDED_V2,
                        EngagementEventTypes.ENGAGEMENT_RECORDED_V3,
                        EngagementEventTypes.ENGAGEMENT_AMENDED_V1,
                        EngagementEventTypes.ENGAGEMENT_AMENDED_V2 -> {
                    EventData d = data.object("details");
                    // organisations are counted by name: v2 and amended.v1 held names alone, v3 and v2 names beside ids
                    boolean named = event.type().equals(EngagementEventTypes.ENGAGEMENT_RECORDED_V3)
                            || event.type().equals(EngagementEventTypes.ENGAGEMENT_AMENDED_V2);
                    EventData place = d.optionalObject("place");
                    String gss = place == null ? null : place.optionalText("gss");
                    String where = gss != null ? gss : place == null ? null : place.optionalText("name");
                    facts.add(new Fact(
                            p,
                            data.text("engagementId"),
                            event.streamVersion(),
                            d.text("type"),
                            quarter(d, "startDate"),
                            where,
                            d.texts(named ? "organisationNames" : "organisations"),
                            true,
                            false));
                }
                case EngagementEventTypes.ENGAGEMENT_WITHDRAWN_V1 ->
                    facts.add(new Fact(
                            p,
                            data.text("engagementId"),
                            event.streamVersion(),
                            null,
                            null,
                            null,
                            List.of(),
                            false,
                            true));
                case EngagementEventTypes.RESULTS_PUBLISHED_V1 -> {
                    ReportingPeriod period =
                            data.parsed("period", t -> ReportingPeriod.parse(t).orElse(null));
                    String geography = data.text("geography");
                    for (EventData r : data.objects("results")) {
                        String indicator = r.optionalText("indicator");
                        BigDecimal percentage = r.optionalDecimal("percentage");
                        if (indicator != null && percentage != null) {
                            results.add(new Result(p, indicator, period, geography, percentage));
                        }
                    }
                }
                default -> throw new UnprocessableEvent(event, "not a type this consumer applies");
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        Set<List<String>> touched = new LinkedHashSet<>();
        for (Fact fact : facts) {
            chain = chain.flatMap(ignored -> upsert(tx, fact)
                            .invoke(quarters -> quarters.forEach(q -> touched.add(List.of(fact.partnership(), q)))))
                    .replaceWithVoid();
        }
        // the runner puts only the generation's schema on the search path; the catalogue, the data points and the
        // event store this consumer writes to live in public
        Uni<Void> stored = chain;
        return tx.query("SELECT set_config('search_path', current_setting('search_path') || ', public', true)")
                .execute()
                .flatMap(ignored -> stored)
                .flatMap(ignored -> submissions(tx, touched, results))
                .flatMap(submissions -> dataPoints.recordDerived(tx, submissions, ACTOR));
    }

    /** The financial quarter of the date in {@code field}. */
    private static String quarter(EventData data, String field) {
        LocalDate date = data.parsed(field, LocalDate::parse);
        return FinancialQuarter.of(date).label();
    }

    /** Stores the fact unless the stored one is as new; the quarters it moved out of and into. */
    private static Uni<List<String>> upsert(SqlConnection tx, Fact f) {
        return tx.preparedQuery(
                        "SELECT version, quarter FROM public.engagement_fact WHERE partnership_id = $1 AND engagement_id = $2")
                .execute(Tuple.of(f.partnership(), f.id()))
                .flatMap(rows -> {
                    Row old = rows.size() == 0 ? null : rows.iterator().next();
                    if (old != null && old.getLong("version") >= f.version()) {
                        return Uni.createFrom().item(List.<String>of());
                    }
                    if (!f.details() && old == null) {
                        return Uni.createFrom()
                                .item(List.<String>of()); // a withdrawal of a record never seen: nothing counted
                    }
                    List<String> quarters = new ArrayList<>();
                    if (old != null) {
                        quarters.add(old.getString("quarter"));
                    }
                    String sql = f.details()
                            ? """
                              INSERT INTO public.engagement_fact (partnership_id, engagement_id, version, type, quarter, place,
                                  organisations, withdrawn) VALUES ($1, $2, $3, $4, $5, $6, $7, false)
                              ON CONFLICT (partnership_id, engagement_id) DO UPDATE SET version = excluded.version,
                                  type = excluded.type, quarter = excluded.quarter, place = excluded.place,
                                  organisations = excluded.organisations"""
                            : "UPDATE public.engagement_fact SET version = $3, withdrawn = true WHERE partnership_id = $1 AND engagement_id = $2";
                    Tuple params = f.details()
                            ? Tuple.tuple()
                                    .addString(f.partnership())
                                    .addString(f.id())
                                    .addLong(f.version())
                                    .addString(f.type())
                                    .addString(f.quarter())
                                    .addString(f.place())
                                    .addArrayOfString(f.organisations().toArray(String[]::new))
                            : Tuple.of(f.partnership(), f.id(), f.version());
                    if (f.details()) {
                        quarters.add(f.quarter());
                    }
                    return tx.preparedQuery(sql).execute(params).replaceWith(quarters);
                });
    }

    /** The derived figures of the touched quarters and of the published results, as submissions. */
    private Uni<List<Submission>> submissions(SqlConnection tx, Set<List<String>> touched, List<Result> results) {
        Set<String> partnerships = new LinkedHashSet<>();
        touched.forEach(t -> partnerships.add(t.get(0)));
        results.forEach(r -> partnerships.add(r.partnership()));
        List<Submission> submissions = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String p : partnerships) {
            chain = chain.flatMap(ignored -> indicators.list(tx, p)).flatMap(rows -> {
                List<IndicatorRules> derived = rows.stream()
                        .map(IndicatorRow::rules)
                        .filter(r -> r.derivedFrom() != null)
                        .toList();
                String district = geographies
                        .districtOf(p)
                        .map(Geographies.Geography::code)
                        .orElse(null);
                for (Result r : results) {
                    if (!r.partnership().equals(p)) {
                        continue;
                    }
                    derived.stream()
                            .filter(i -> i.derivedFrom() == Derivation.CONSULTATION_RESULTS
                                    && i.code().equals(r.indicator()))
                            .findFirst()
                            .ifPresent(i -> {
                                if (i.frequency().period() != r.period().kind()
                                        || i.unit().refuse(r.percentage()) != null) {
                                    LOG.warnf(
                                            "Consultation result for %s %s does not fit the indicator; not recorded",
                                            r.indicator(), r.period());
                                } else {
                                    submissions.add(submission(p, i, r.period(), r.geography(), r.percentage()));
                                }
                            });
                }
                Uni<Void> counts = Uni.createFrom().voidItem();
                for (List<String> t : touched) {
                    if (!t.get(0).equals(p) || district == null) {
                        continue;
                    }
                    ReportingPeriod period = ReportingPeriod.parse(t.get(1)).orElseThrow();
                    counts = counts.flatMap(ignored -> count(tx, p, t.get(1))
                            .invoke(row -> {
                                for (IndicatorRules i : derived) {
                                    BigDecimal value = switch (i.derivedFrom()) {
                                        case WORKSHOPS -> row.getBigDecimal("workshops");
                                        case CHECKLISTS -> row.getBigDecimal("checklists");
                                        case COMMUNITY_PAYBACK_ORGANISATIONS ->
                                            row.getBigDecimal("payback_organisations");
                                        case COMMUNITY_PAYBACK_AREAS -> row.getBigDecimal("payback_areas");
                                        case CONSULTATION_RESULTS -> null;
                                    };
                                    if (value != null && i.frequency().period() == ReportingPeriod.Kind.QUARTER) {
                                        submissions.add(submission(p, i, period, district, value));
                                    }
                                }
                            })
                            .replaceWithVoid());
                }
                return counts;
            });
        }
        return chain.replaceWith(submissions);
    }

    private static Uni<Row> count(SqlConnection tx, String partnership, String quarter) {
        return tx.preparedQuery("""
                        SELECT count(*) FILTER (WHERE type = 'workshop')::numeric AS workshops,
                               count(*) FILTER (WHERE type = 'checklist-completed')::numeric AS checklists,
                               (SELECT count(DISTINCT o) FROM public.engagement_fact f, unnest(f.organisations) o
                                 WHERE f.partnership_id = $1 AND f.quarter = $2 AND NOT f.withdrawn
                                   AND f.type = 'community-payback-project')::numeric AS payback_organisations,
                               count(DISTINCT place) FILTER (WHERE type = 'community-payback-project')::numeric AS payback_areas
                          FROM public.engagement_fact WHERE partnership_id = $1 AND quarter = $2 AND NOT withdrawn""")
                .execute(Tuple.of(partnership, quarter))
                .map(rows -> rows.iterator().next());
    }

    private static Submission submission(
            String partnership, IndicatorRules indicator, ReportingPeriod period, String geography, BigDecimal value) {
        return new Submission(
                partnership,
                indicator.code(),
                period,
                geography,
                indicator.sources().getFirst(),
                value,
                null,
                null,
                DataStatus.PROVISIONAL,
                null);
    }
}
