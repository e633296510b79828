package org.csp.measures.datapoint;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.StoredEvent;
import org.csp.measures.datapoint.DataPointCommand.RecordDataPoint;
import org.csp.measures.datapoint.DataPointTable.DataPointRow;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.measures.indicator.Indicators;
import org.csp.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Application service of the data point feature: each recorded value is one transaction (append + query table). */
@ApplicationScoped
public class DataPoints {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final EventStore store;
    private final Indicators indicators;
    private final Aggregate<DataPointCommand, DataPointEvent, DataPoint> aggregate;

    public DataPoints(EventStore store, Indicators indicators) {
        this.store = store;
        this.indicators = indicators;
        this.aggregate = new Aggregate<>(store, DataPointEvent.TYPES, DataPoint.DECIDER);
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        store.pool().query(DataPointTable.DDL).execute().await().atMost(Duration.ofMinutes(1));
    }

    static String streamId(String partnershipId, String code, String geography, Period period) {
        return partnershipId + ":datapoint:" + code + ":" + geography + ":" + period.pathId();
    }

    /** What a client asked to record; {@code source} may be null (the poster's organisation, or the only source). */
    public record Submission(String indicatorCode, Period period, String geography, BigDecimal value, DataStatus status,
                             String source) {
    }

    /**
     * Records a value. A partner agency ({@code partnerOrganisation} not null) may post only for indicators its
     * organisation is a source of, and only as that organisation.
     */
    public Uni<Aggregate.Outcome<DataPointEvent, DataPoint>> record(String partnershipId, Submission submission,
                                                                     String partnerOrganisation, Actor actor) {
        String code = submission.indicatorCode();
        return store.inTransaction(unit -> indicators.find(unit.connection(), partnershipId, code).flatMap(found -> {
            IndicatorRow indicator = found.orElseThrow(() -> ProblemException.notFound("Indicator", code));
            String source = source(indicator, submission.source(), partnerOrganisation);
            var command = new RecordDataPoint(indicator.rules(), code, submission.period(), submission.geography(),
                    submission.value(), submission.status(), source, actor.client(), LocalDate.now(UK));
            return aggregate.handle(unit, streamId(partnershipId, code, submission.geography(), submission.period()),
                            partnershipId, command, null, actor)
                    .call(outcome -> outcome.changed()
                            ? DataPointTable.upsert(unit.connection(), partnershipId, submission.period(),
                                    outcome.state().latest(), unit.now())
                            : Uni.createFrom().voidItem());
        }));
    }

    private static String source(IndicatorRow indicator, String requested, String partnerOrganisation) {
        if (partnerOrganisation == null) {
            return requested == null && indicator.sources().size() == 1 ? indicator.sources().getFirst() : requested;
        }
        if (requested != null && !requested.equals(partnerOrganisation)) {
            throw ProblemException.forbidden("A partner agency posts data only as its own organisation ('"
                    + partnerOrganisation + "').");
        }
        if (!indicator.sources().contains(partnerOrganisation)) {
            throw ProblemException.forbidden("'" + partnerOrganisation + "' is not a source of indicator '"
                    + indicator.code() + "'; its sources are " + indicator.sources() + ".");
        }
        return partnerOrganisation;
    }

    public Uni<List<DataPointRow>> list(String partnershipId, String code, String geography, Period from, Period to) {
        return indicators.find(partnershipId, code).flatMap(found -> {
            found.orElseThrow(() -> ProblemException.notFound("Indicator", code));
            return DataPointTable.list(store.pool(), partnershipId, code, geography,
                    from == null ? null : from.firstDay(), to == null ? null : to.lastDay());
        });
    }

    /** Every revision of one data point, oldest first, with when and by whom it was recorded. */
    public Uni<List<StoredEvent>> history(String partnershipId, String code, String geography, Period period) {
        return store.readStream(store.pool(), streamId(partnershipId, code, geography, period));
    }
}
