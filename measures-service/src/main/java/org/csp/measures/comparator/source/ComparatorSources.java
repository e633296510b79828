package org.csp.measures.comparator.source;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.measures.comparator.source.ComparatorSource.SaveMapping;
import org.csp.measures.comparator.source.ComparatorSourceTable.SourceRow;
import org.csp.partnership.PartnershipRegistry;

/**
 * Application service of the comparator sources. A source lives in a scope: a partnership's id for a mapping its
 * coordinator saved (or the county analyst saved naming that partnership), the county board's id for one the county
 * analyst saved for the county; a partnership reads its own sources and the county's, its own first.
 */
@ApplicationScoped
public class ComparatorSources {

    private final EventStore store;
    private final String county;
    private final Aggregate<SaveMapping, ComparatorSourceEvent, ComparatorSource> aggregate;

    public ComparatorSources(EventStore store, PartnershipRegistry registry) {
        this.store = store;
        this.county = registry.county().id();
        this.aggregate = new Aggregate<>(
                store,
                "comparator-source",
                "Comparator source",
                ComparatorSourceEvent.TYPES,
                ComparatorSource.DECIDER,
                (tx, scope, id, state, version) -> ComparatorSourceTable.upsert(tx, scope, state, version));
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        ComparatorSourceTable.prepare(store);
    }

    /** The county's scope: the county board's id. */
    public String county() {
        return county;
    }

    /** The source as stored in {@code scope} (version 0 when it is not). */
    Uni<Aggregate.Loaded<ComparatorSource>> load(String scope, String id) {
        return aggregate.load(store.pool(), scope, id);
    }

    /** Saves the mapping in {@code scope}, at {@code version} when given (If-Match). */
    Uni<Aggregate.Outcome<ComparatorSourceEvent, ComparatorSource>> save(
            String scope, SaveMapping command, Long version, Actor actor) {
        return aggregate.execute(scope, command.id(), command, version, actor);
    }

    /** The scopes a partnership's (or the county's) caller reads, its own first. */
    List<String> readable(String scope) {
        return scope.equals(county) ? List.of(county) : List.of(scope, county);
    }

    /** The sources {@code scope} reads: its own, then the county's that it does not have under the same id. */
    Uni<List<SourceRow>> list(String scope) {
        return ComparatorSourceTable.list(store.pool(), readable(scope))
                .map(rows -> rows.stream()
                        .filter(r -> r.scope().equals(scope)
                                || rows.stream().noneMatch(o -> o.scope().equals(scope) && o.id().equals(r.id())))
                        .toList());
    }

    /** The source {@code id} as {@code scope} reads it: its own, else the county's. */
    Uni<Optional<SourceRow>> find(String scope, String id) {
        return list(scope)
                .map(rows -> rows.stream().filter(r -> r.id().equals(id)).findFirst());
    }
}
