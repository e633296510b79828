package org.csp.measures.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.ConcurrencyConflict;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.eventsourcing.History;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.measures.indicator.IndicatorCommand.AmendIndicator;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.problem.ProblemException;

/** Application service of the indicator catalogue: each command is one transaction (append + query table). */
@ApplicationScoped
public class Indicators {

    private final EventStore store;
    private final SourceOrganisations organisations;
    private final Aggregate<IndicatorCommand, IndicatorEvent, Indicator> aggregate;
    private final Aggregate<Catalogue.Revise, CatalogueEvent, Catalogue> catalogue;

    public Indicators(EventStore store, SourceOrganisations organisations) {
        this.store = store;
        this.organisations = organisations;
        this.aggregate = new Aggregate<>(
                store,
                "indicator",
                "Indicator",
                IndicatorEvent.TYPES,
                Indicator.DECIDER,
                (tx, partnershipId, code, state, version) ->
                        IndicatorTable.upsert(tx, partnershipId, code, state.definition(), version));
        this.catalogue = Catalogue.aggregate(store);
    }

    /** Creates the query table (refilled from the events when its format changed) before the catalogue is loaded. */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION) EventStoreReady ready) {
        IndicatorTable.prepare(store);
    }

    /** Defines an indicator in the caller's unit of work; true when something was recorded. */
    public Uni<Boolean> define(UnitOfWork unit, String partnershipId, DefineIndicator command, Actor actor) {
        return aggregate
                .handle(unit, partnershipId, command.code(), command, null, actor)
                .map(Aggregate.Outcome::changed);
    }

    /**
     * Stages {@code command} for indicator {@code code} in the caller's unit of work, which read the indicator at
     * {@code version} (0: not defined) and decided that the command changes it: 409 when it is no longer there.
     */
    public Uni<Void> stage(
            UnitOfWork unit, String partnershipId, String code, IndicatorCommand command, long version, Actor actor) {
        return aggregate
                .handle(unit, partnershipId, code, command, null, actor)
                .invoke(outcome -> {
                    long before = outcome.version() - outcome.events().size();
                    if (before != version || !outcome.changed()) {
                        throw new ConcurrencyConflict(aggregate.streamId(partnershipId, code), version, before, false);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The ids of the organisations that may be the partnership's sources: those of the catalogue files loaded at
     * start, and those its imported catalogue files listed.
     */
    public Uni<Set<String>> knownOrganisations(SqlClient client, String partnershipId) {
        return catalogue.load(client, partnershipId, Catalogue.ID).map(loaded -> {
            Set<String> known = new HashSet<>(organisations.ids());
            known.addAll(loaded.state().organisations().keySet());
            return Set.copyOf(known);
        });
    }

    /** {@code POST /api/indicators}: a new indicator of the catalogue. */
    public Uni<IndicatorRow> create(String partnershipId, IndicatorRequest body, Actor actor) {
        return store.inTransaction(unit -> knownOrganisations(unit.connection(), partnershipId)
                        .flatMap(known -> {
                            var definition = IndicatorDefinitions.validate(body, known);
                            return define(
                                    unit, partnershipId, new DefineIndicator(body.code(), definition, false), actor);
                        }))
                .flatMap(ignored -> require(partnershipId, body.code()));
    }

    /** {@code PATCH /api/indicators/{code}}: the merge patch applied to the current definition, which must be at {@code version}. */
    public Uni<IndicatorRow> amend(
            String partnershipId, String code, UnaryOperator<IndicatorRequest> patch, long version, Actor actor) {
        return store.inTransaction(unit -> IndicatorTable.find(unit.connection(), partnershipId, code)
                        .flatMap(found -> knownOrganisations(unit.connection(), partnershipId)
                                .flatMap(known -> {
                                    IndicatorRow current =
                                            found.orElseThrow(() -> ProblemException.notFound("Indicator", code));
                                    IndicatorRequest patched =
                                            patch.apply(IndicatorDefinitions.body(code, current.definition()));
                                    IndicatorDefinitions.requireSameCode(code, patched);
                                    var definition = IndicatorDefinitions.validate(patched, known);
                                    return aggregate.handle(
                                            unit,
                                            partnershipId,
                                            code,
                                            new AmendIndicator(code, definition),
                                            version,
                                            actor);
                                })))
                .flatMap(ignored -> require(partnershipId, code));
    }

    /** Every change to the definition, with who made it and the fields it changed. */
    public Uni<List<History.Entry>> history(String partnershipId, String code) {
        return aggregate.history(partnershipId, code);
    }

    private Uni<IndicatorRow> require(String partnershipId, String code) {
        return find(partnershipId, code)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Indicator", code)));
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

    public Uni<List<IndicatorRow>> list(SqlClient client, String partnershipId) {
        return IndicatorTable.list(client, partnershipId, null);
    }
}
