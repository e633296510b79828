package org.csp.measures.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.Decider;
import org.csp.eventsourcing.EventStore;
import org.csp.measures.indicator.CatalogueEvent.CatalogueRevised;
import org.csp.measures.indicator.CatalogueEvent.Organisation;

/**
 * A partnership's catalogue as its imported files left it: the latest revision, the source organisations the files
 * made known (by id, with their names) and the digest of every file a revision was recorded from. One stream per
 * partnership, {@code <partnership>:catalogue:indicators}.
 */
public record Catalogue(int revision, Map<String, String> organisations, List<String> fileDigests) {

    /** The id of a partnership's one catalogue stream. */
    public static final String ID = "indicators";

    public Catalogue {
        organisations = Map.copyOf(organisations);
        fileDigests = List.copyOf(fileDigests);
    }

    /**
     * Record an imported file: the indicators it defines and amends (codes, already compared with what the
     * partnership holds) and the organisations it lists that the partnership does not know yet. A file that does
     * neither changes nothing.
     */
    public record Revise(
            String fileDigest,
            String source,
            List<String> notes,
            List<Organisation> newOrganisations,
            List<String> defined,
            List<String> amended) {}

    public static final Decider<Revise, CatalogueEvent, Catalogue> DECIDER = new Decider<>() {
        @Override
        public Catalogue initialState() {
            return new Catalogue(0, Map.of(), List.of());
        }

        @Override
        public Catalogue evolve(Catalogue state, CatalogueEvent event) {
            return switch (event) {
                case CatalogueRevised revised -> {
                    Map<String, String> organisations = new LinkedHashMap<>(state.organisations());
                    revised.organisations().forEach(o -> organisations.put(o.id(), o.name()));
                    List<String> digests = new ArrayList<>(state.fileDigests());
                    digests.add(revised.fileDigest());
                    yield new Catalogue(revised.revision(), organisations, digests);
                }
            };
        }

        @Override
        public List<CatalogueEvent> decide(Revise command, Catalogue state) {
            if (command.defined().isEmpty()
                    && command.amended().isEmpty()
                    && command.newOrganisations().isEmpty()) {
                return List.of();
            }
            return List.of(new CatalogueRevised(
                    state.revision() + 1,
                    command.fileDigest(),
                    command.source(),
                    command.notes(),
                    command.newOrganisations(),
                    command.defined().size(),
                    command.amended().size()));
        }
    };

    /** The kernel's aggregate of the catalogue streams; no query table keeps them (a partnership has one, short). */
    static Aggregate<Revise, CatalogueEvent, Catalogue> aggregate(EventStore store) {
        return new Aggregate<>(
                store, "catalogue", "Catalogue", CatalogueEvent.TYPES, DECIDER, Aggregate.QueryTableWriter.none());
    }
}
