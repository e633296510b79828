package org.csp.measures.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Application service of the indicator feature: each command is one transaction (append + query table). */
@ApplicationScoped
public class Indicators {

    private final EventStore store;
    private final Aggregate<IndicatorCommand, IndicatorEvent, Indicator> aggregate;

    public Indicators(EventStore store) {
        this.store = store;
        this.aggregate = new Aggregate<>(store, IndicatorEvent.TYPES, Indicator.DECIDER);
    }

    /** Creates the query table before anything else touches it (indicator files are loaded after this). */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        store.pool().query(IndicatorTable.DDL).execute().await().atMost(Duration.ofMinutes(1));
    }

    static String streamId(String partnershipId, String code) {
        return partnershipId + ":indicator:" + code;
    }

    /** Defines an indicator unless it already exists; used when a partnership's indicators are loaded. */
    public Uni<Boolean> define(UnitOfWork unit, String partnershipId, DefineIndicator command) {
        return aggregate.handle(unit, streamId(partnershipId, command.code()), partnershipId, command, null, Actor.SYSTEM)
                .call(outcome -> outcome.changed()
                        ? IndicatorTable.upsert(unit.connection(), partnershipId, outcome.state().definition(), outcome.version())
                        : Uni.createFrom().voidItem())
                .map(Aggregate.Outcome::changed);
    }

    public Uni<Optional<IndicatorRow>> find(SqlClient client, String partnershipId, String code) {
        return IndicatorTable.find(client, partnershipId, code);
    }

    public Uni<Optional<IndicatorRow>> find(String partnershipId, String code) {
        return find(store.pool(), partnershipId, code);
    }

    public Uni<List<IndicatorRow>> list(String partnershipId, Integer priority) {
        return IndicatorTable.list(store.pool(), partnershipId, priority);
    }
}
