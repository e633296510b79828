package org.csp.measures.indicator;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.measures.indicator.CatalogueEvent.CatalogueRevised;
import org.csp.measures.indicator.CatalogueEvent.Organisation;
import org.csp.measures.indicator.IndicatorCommand.AmendIndicator;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;

/**
 * A partnership's catalogue as a whole: importing a catalogue file (its revision event first, then exactly the
 * indicators it defines and amends, in one transaction) and the revisions recorded.
 */
@ApplicationScoped
public class Catalogues {

    private final EventStore store;
    private final Indicators indicators;
    private final Aggregate<Catalogue.Revise, CatalogueEvent, Catalogue> catalogue;

    public Catalogues(EventStore store, Indicators indicators) {
        this.store = store;
        this.indicators = indicators;
        this.catalogue = Catalogue.aggregate(store);
    }

    /**
     * What an import did: the catalogue's revision after it (0 before the first that changed something), whether it
     * recorded anything, the codes it defined and amended and the organisations it made known.
     */
    public record ImportResult(
            int revision, boolean changed, List<String> defined, List<String> amended, List<String> organisations) {}

    /** One revision of the catalogue: when, by whom and from which file it was recorded, and what it changed. */
    public record Revision(
            int revision,
            OffsetDateTime recordedAt,
            String subject,
            String client,
            String source,
            List<String> notes,
            String fileDigest,
            int indicatorsDefined,
            int indicatorsAmended,
            List<String> organisations) {}

    /**
     * Imports a catalogue file of {@code partnershipId} in one transaction: checked whole (422 listing every problem),
     * compared with the indicators the partnership holds; when it defines or amends any, or lists an organisation
     * the partnership does not know, the revision event comes first and the indicators' events follow. An identical
     * file records nothing. Indicators the file does not list stay as they are.
     */
    public Uni<ImportResult> importFile(String partnershipId, CatalogueFile file, Actor actor) {
        return store.inTransaction(unit -> indicators
                .knownOrganisations(unit.connection(), partnershipId)
                .flatMap(known -> {
                    CatalogueContents contents = CatalogueContents.of(file, known);
                    return indicators
                            .list(unit.connection(), partnershipId)
                            .flatMap(rows -> record(unit, contents, known, rows, actor));
                }));
    }

    private Uni<ImportResult> record(
            UnitOfWork unit, CatalogueContents contents, Set<String> known, List<IndicatorRow> rows, Actor actor) {
        String p = contents.partnershipId();
        Map<String, IndicatorRow> held = new HashMap<>();
        Map<String, IndicatorEvent.IndicatorDefinition> heldDefinitions = new HashMap<>();
        rows.forEach(row -> {
            held.put(row.code(), row);
            heldDefinitions.put(row.code(), row.definition());
        });
        CatalogueDifference difference = CatalogueDifference.of(contents.indicators(), heldDefinitions);
        List<Organisation> newOrganisations = contents.organisations().entrySet().stream()
                .filter(o -> !known.contains(o.getKey()))
                .map(o -> new Organisation(o.getKey(), o.getValue()))
                .toList();
        Catalogue.Revise revise = new Catalogue.Revise(
                contents.fileDigest(),
                contents.source(),
                contents.notes(),
                newOrganisations,
                difference.defined(),
                difference.amended());
        Uni<?> chain = catalogue.handle(unit, p, Catalogue.ID, revise, null, actor);
        for (String code : difference.defined()) {
            var define = new DefineIndicator(code, contents.indicators().get(code), false);
            chain = chain.flatMap(ignored -> indicators.stage(unit, p, code, define, 0, actor));
        }
        for (String code : difference.amended()) {
            var amend = new AmendIndicator(code, contents.indicators().get(code));
            long version = held.get(code).version();
            chain = chain.flatMap(ignored -> indicators.stage(unit, p, code, amend, version, actor));
        }
        return chain.flatMap(ignored -> catalogue.load(unit, p, Catalogue.ID))
                .map(loaded -> new ImportResult(
                        loaded.state().revision(),
                        difference.changes() || !newOrganisations.isEmpty(),
                        difference.defined(),
                        difference.amended(),
                        newOrganisations.stream().map(Organisation::id).toList()));
    }

    /** The partnership's catalogue revisions, oldest first (none before a file changed anything). */
    public Uni<List<Revision>> revisions(String partnershipId) {
        return store.readStream(store.pool(), catalogue.streamId(partnershipId, Catalogue.ID))
                .map(events -> events.stream()
                        .map(event -> {
                            var revised = (CatalogueRevised) CatalogueEvent.TYPES.decode(event);
                            return new Revision(
                                    revised.revision(),
                                    event.occurredAt(),
                                    event.actor().subject(),
                                    event.actor().client(),
                                    revised.source(),
                                    revised.notes(),
                                    revised.fileDigest(),
                                    revised.indicatorsDefined(),
                                    revised.indicatorsAmended(),
                                    revised.organisations().stream()
                                            .map(Organisation::id)
                                            .toList());
                        })
                        .toList());
    }
}
