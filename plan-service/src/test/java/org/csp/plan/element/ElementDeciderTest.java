package org.csp.plan.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.csp.plan.SampleEvents;
import org.csp.plan.element.Element.Command;
import org.csp.plan.priority.PriorityEvent;
import org.csp.plan.priority.PriorityEvent.Definition;
import org.csp.plan.priority.PriorityEvent.PriorityAmended;
import org.csp.plan.priority.PriorityEvent.PriorityDefined;
import org.csp.plan.priority.PriorityEvent.PriorityRetired;
import org.csp.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

/** The lifecycle organisations, priorities and objectives share, shown on priorities. */
class ElementDeciderTest {

    private static final DeciderSpec<Command<Definition>, PriorityEvent, Element<Definition>> PRIORITY =
            DeciderSpec.of(Element.decider(PriorityEvent.EVENTS));
    private static final Definition P1 = SampleEvents.PRIORITY_1;
    private static final Definition RETITLED =
            new Definition("Tackle ASB", P1.statement(), P1.why(), P1.leadOrganisation(), P1.subGroup(), List.of());

    @Test
    void defineAmendRetire() {
        PRIORITY.given().when(new Command.Define<>("1", P1)).then(new PriorityDefined(1, P1));
        PRIORITY.given(new PriorityDefined(1, P1))
                .when(new Command.Amend<>("1", RETITLED))
                .then(new PriorityAmended(1, RETITLED));
        PRIORITY.given(new PriorityDefined(1, P1))
                .when(new Command.Retire<>("1", "merged"))
                .then(new PriorityRetired(1, "merged"));
    }

    @Test
    void whatChangesNothingRecordsNothing() {
        PRIORITY.given(new PriorityDefined(1, P1))
                .when(new Command.Amend<>("1", P1))
                .thenNothing();
        PRIORITY.given(new PriorityDefined(1, P1), new PriorityRetired(1, "x"))
                .when(new Command.Retire<>("1", "y"))
                .thenNothing();
    }

    @Test
    void conflictsAreRefused() {
        PRIORITY.given(new PriorityDefined(1, P1))
                .when(new Command.Define<>("1", P1))
                .thenRejected("already-defined");
        PRIORITY.given().when(new Command.Amend<>("1", P1)).thenRejected("not-defined");
        PRIORITY.given().when(new Command.Retire<>("1", "x")).thenRejected("not-defined");
        PRIORITY.given(new PriorityDefined(1, P1), new PriorityRetired(1, "x"))
                .when(new Command.Amend<>("1", RETITLED))
                .thenRejected("retired");
    }

    @Test
    void aRetiredElementKeepsItsDefinitionAndCanBeDefinedAgain() {
        PRIORITY.given(new PriorityDefined(1, P1), new PriorityRetired(1, "x"))
                .thenState(state -> {
                    assertTrue(state.retired());
                    assertEquals(P1, state.definition());
                })
                .when(new Command.Define<>("1", RETITLED))
                .then(new PriorityDefined(1, RETITLED));
    }
}
