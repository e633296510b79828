package org.csp.plan.actionplan;

import java.time.LocalDate;
import java.util.List;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to the action plan itself. */
public sealed interface PlanEvent {

    EventTypes<PlanEvent> TYPES = EventTypes.<PlanEvent>builder()
            .register(PlanEventTypes.PLAN_REVISED_V1, PlanRevised.class)
            .build();

    /**
     * The plan's own content: title, period, vision, overarching aim, principles, cross-cutting themes, the
     * partnership's key responsibilities (and how the county shares them), and the ids of its responsible
     * authorities and co-opted members in the organisation registry.
     */
    record Definition(
            String title,
            LocalDate start,
            LocalDate end,
            String vision,
            String overarchingAim,
            List<Statement> principles,
            List<Statement> crossCuttingThemes,
            List<Responsibility> keyResponsibilities,
            String countyArrangements,
            List<String> responsibleAuthorities,
            List<String> coOptedMembers) {}

    /** A principle or a cross-cutting theme: its heading and text. */
    record Statement(String title, String text) {}

    /** One of the partnership's key responsibilities, lettered as the plan letters them. */
    record Responsibility(String code, String text, String reference) {}

    /**
     * A plan file was imported and changed something: revision 1 creates the plan, each later one is an annual refresh.
     * The events of the elements it changed follow it in the same transaction; what stood before it is the previous
     * revision, which stays readable. {@code fileDigest} (SHA-256 of the file's content) tells a file already imported.
     */
    record PlanRevised(
            String planId, int revision, Definition definition, String source, List<String> notes, String fileDigest)
            implements PlanEvent {}
}
