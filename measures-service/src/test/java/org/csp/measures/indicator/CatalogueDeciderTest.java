package org.csp.measures.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.csp.measures.indicator.CatalogueEvent.CatalogueRevised;
import org.csp.measures.indicator.CatalogueEvent.Organisation;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

/** A catalogue revision is recorded for a file that defines, amends or makes an organisation known, and only then. */
class CatalogueDeciderTest {

    private static final DeciderSpec<Catalogue.Revise, CatalogueEvent, Catalogue> CATALOGUE =
            DeciderSpec.of(Catalogue.DECIDER);

    private static final Organisation COUNCIL = new Organisation("cotswold-district-council", "Cotswold DC");

    static final CatalogueRevised FIRST =
            new CatalogueRevised(1, "d1", "the plan", List.of("a note"), List.of(COUNCIL), 2, 0);

    private static Catalogue.Revise revise(
            String digest, List<Organisation> organisations, List<String> defined, List<String> amended) {
        return new Catalogue.Revise(digest, "the plan", List.of("a note"), organisations, defined, amended);
    }

    @Test
    void theFirstFileThatDefinesIndicatorsIsRevisionOne() {
        CATALOGUE
                .given()
                .when(revise("d1", List.of(COUNCIL), List.of("A", "B"), List.of()))
                .then(FIRST);
    }

    @Test
    void aFileThatAmendsIsTheNextRevisionCountingWhatChanged() {
        CATALOGUE
                .given(FIRST)
                .when(revise("d2", List.of(), List.of(), List.of("A")))
                .then(new CatalogueRevised(2, "d2", "the plan", List.of("a note"), List.of(), 0, 1));
    }

    @Test
    void aFileThatChangesNothingRecordsNothing() {
        CATALOGUE
                .given(FIRST)
                .when(revise("d3", List.of(), List.of(), List.of()))
                .thenNothing();
    }

    @Test
    void anOrganisationMadeKnownIsARevisionAndStaysKnown() {
        Organisation police = new Organisation("glos-police", "Police");
        CATALOGUE
                .given(FIRST)
                .when(revise("d4", List.of(police), List.of(), List.of()))
                .then(new CatalogueRevised(2, "d4", "the plan", List.of("a note"), List.of(police), 0, 0));
        CATALOGUE
                .given(FIRST, new CatalogueRevised(2, "d4", null, List.of(), List.of(police), 0, 0))
                .thenState(state -> {
                    assertEquals(
                            Map.of(COUNCIL.id(), COUNCIL.name(), police.id(), police.name()), state.organisations());
                    assertEquals(List.of("d1", "d4"), state.fileDigests());
                    assertEquals(2, state.revision());
                });
    }
}
