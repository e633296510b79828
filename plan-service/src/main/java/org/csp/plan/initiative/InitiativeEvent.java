package org.csp.plan.initiative;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.EventTypes;

/** What can happen to an initiative (an action of the plan). Stored and published under explicit type strings. */
public sealed interface InitiativeEvent {

    EventTypes<InitiativeEvent> TYPES = EventTypes.<InitiativeEvent>builder()
            .register(PlanEventTypes.INITIATIVE_DEFINED_V2, InitiativeDefined.class)
            .register(PlanEventTypes.INITIATIVE_AMENDED_V1, InitiativeAmended.class)
            .register(PlanEventTypes.INITIATIVE_RETIRED_V1, InitiativeRetired.class)
            .register(PlanEventTypes.PROGRESS_UPDATED_V2, ProgressUpdated.class)
            .upcast(
                    PlanEventTypes.INITIATIVE_DEFINED_V1,
                    PlanEventTypes.INITIATIVE_DEFINED_V2,
                    InitiativeEvent::definedV1)
            .upcast(PlanEventTypes.PROGRESS_UPDATED_V1, PlanEventTypes.PROGRESS_UPDATED_V2, InitiativeEvent::updatedV1)
            .build();

    String initiativeId();

    /**
     * Everything about an initiative a coordinator can amend: its priority and objectives, title, lead and supporting
     * partners (organisation ids), timescale, resources, funding arrangements, risks, SARA record and the codes of
     * the indicators it contributes to.
     */
    record Definition(
            int priority,
            List<String> objectives,
            String title,
            String leadPartner,
            List<String> supportingPartners,
            LocalDate start,
            LocalDate due,
            String resources,
            String funding,
            List<Risk> risks,
            Sara sara,
            List<String> indicators) {}

    /** A risk to the initiative; the owner is an organisation id, never a person. */
    record Risk(String description, String likelihood, String impact, String mitigation, String owner) {}

    /** The problem-solving record: scanning, analysis, response, assessment. */
    record Sara(String scanning, String analysis, String response, String assessment) {}

    /** The initiative is part of the plan (again, when it had been retired). */
    record InitiativeDefined(String initiativeId, Definition definition) implements InitiativeEvent {}

    /** Its definition after a change, whole. */
    record InitiativeAmended(String initiativeId, Definition definition) implements InitiativeEvent {}

    /** Taken out of the plan, with the reason; its history stays. */
    record InitiativeRetired(String initiativeId, String reason) implements InitiativeEvent {}

    /**
     * A quarter's progress report: status, RAG and commentary, as the priority lead (or the coordinator) wrote it, and
     * who reported it; {@code reportedBy} is null for a report made before who was recorded (v1).
     */
    record ProgressUpdated(
            String initiativeId, String quarter, String status, String rag, String commentary, Reporter reportedBy)
            implements InitiativeEvent {

        /** The same report (quarter, status, RAG and commentary), whoever made it. */
        public boolean sameReportAs(ProgressUpdated other) {
            return other != null
                    && quarter.equals(other.quarter)
                    && status.equals(other.status)
                    && rag.equals(other.rag)
                    && Objects.equals(commentary, other.commentary);
        }
    }

    /**
     * Who reported progress, pseudonymously: the token's subject (never a name or an e-mail address), the role they
     * reported in ({@code coordinator} or {@code priority-lead}) and the organisation their token names (its
     * {@code org} claim; null when it names none, as people's tokens do).
     */
    record Reporter(String subject, String reportedAs, String organisation) {}

    /** {@code plan.initiative.updated.v1} as v2: who reported it was not recorded, so it is unknown (null). */
    private static ObjectNode updatedV1(ObjectNode v1) {
        return EventTypes.fields(v1, "initiativeId", "quarter", "status", "rag", "commentary")
                .putNull("reportedBy");
    }

    /**
     * {@code plan.initiative.defined.v1} (priority number and title, title, lead organisation's name, timescale)
     * as v2: the lead organisation's name becomes its registry id by the registry's rule (lower case, words joined
     * by hyphens); the priority title, which v2 reads from the priority, is dropped; the rest is empty.
     */
    private static ObjectNode definedV1(ObjectNode v1) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode definition = EventTypes.fields(v1, "priority", "title", "start", "due");
        definition.set("objectives", f.arrayNode());
        String lead = v1.path("leadOrganisation").isTextual()
                ? v1.get("leadOrganisation").asText()
                : null;
        definition.put(
                "leadPartner",
                lead == null
                        ? null
                        : lead.toLowerCase(Locale.ROOT)
                                .replaceAll("[^a-z0-9]+", "-")
                                .replaceAll("(^-|-$)", ""));
        definition.set("supportingPartners", f.arrayNode());
        definition.putNull("resources");
        definition.putNull("funding");
        definition.set("risks", f.arrayNode());
        definition.putNull("sara");
        definition.set("indicators", f.arrayNode());
        return EventTypes.fields(v1, "initiativeId").set("definition", definition);
    }
}
