package org.csp.engagement.engagement;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.csp.contracts.EngagementEventTypes;
import org.csp.eventsourcing.EventTypes;

/**
 * What can happen to an engagement record: the stored and published contract, under explicit type strings.
 * The type strings say "activity", the name this concept had when it was first published; it stays for
 * compatibility (see the glossary in docs/architecture.md).
 */
public sealed interface EngagementEvent {

    EventTypes<EngagementEvent> TYPES = EventTypes.<EngagementEvent>builder()
            .register(EngagementEventTypes.ENGAGEMENT_RECORDED_V3, EngagementRecorded.class)
            .register(EngagementEventTypes.ENGAGEMENT_AMENDED_V2, EngagementAmended.class)
            .register(EngagementEventTypes.ENGAGEMENT_WITHDRAWN_V1, EngagementWithdrawn.class)
            .register(EngagementEventTypes.FOLLOW_UP_ADDED_V1, FollowUpAdded.class)
            .upcast(
                    EngagementEventTypes.ENGAGEMENT_RECORDED_V1,
                    EngagementEventTypes.ENGAGEMENT_RECORDED_V2,
                    EngagementEvent::recordedV1)
            .upcast(
                    EngagementEventTypes.ENGAGEMENT_RECORDED_V2,
                    EngagementEventTypes.ENGAGEMENT_RECORDED_V3,
                    EngagementEvent::namedOrganisations)
            .upcast(
                    EngagementEventTypes.ENGAGEMENT_AMENDED_V1,
                    EngagementEventTypes.ENGAGEMENT_AMENDED_V2,
                    EngagementEvent::namedOrganisations)
            .build();

    String engagementId();

    /**
     * An engagement as recorded: {@code type} an {@link EngagementType} code, a date or date range, the place,
     * the plan priorities and initiatives it served, the lead and participating organisations (registry ids, each
     * with its name as the registry gave it then; a record from before organisations were checked has names alone
     * and no ids), the audience,
     * attendance (people present) or reach (people reached, e.g. by a campaign) and the outcomes. No personal data:
     * people are counts, and the text was checked for it.
     */
    record Details(
            String type,
            String title,
            LocalDate startDate,
            LocalDate endDate,
            Place place,
            List<Integer> priorities,
            List<String> initiatives,
            String leadOrganisation,
            String leadOrganisationName,
            List<String> organisations,
            List<String> organisationNames,
            String audience,
            Integer attendance,
            Integer reach,
            String outcomes) {}

    /**
     * Where: {@code level} ward, parish or district (district-wide) with its GSS code and name; a record from
     * before places were coded has only a name.
     */
    record Place(String level, String gss, String name) {}

    record EngagementRecorded(String engagementId, Details details) implements EngagementEvent {}

    /** The record's details after a correction, whole. */
    record EngagementAmended(String engagementId, Details details) implements EngagementEvent {}

    /** The record is withdrawn (recorded in error, or the event did not take place); its history stays. */
    record EngagementWithdrawn(String engagementId, String reason) implements EngagementEvent {}

    /** "You said, we did": what the community raised and what the partnership did about it, added later. */
    record FollowUpAdded(String engagementId, LocalDate addedOn, String youSaid, String weDid)
            implements EngagementEvent {}

    /**
     * {@code engagement.activity.recorded.v1} (one date, the place as a name, participating organisations) as v2:
     * the date starts and ends the engagement, the place keeps its name without a level or code, the rest is empty.
     */
    /**
     * {@code engagement.activity.recorded.v2} and {@code amended.v1} (organisations as free-text names) as the current
     * types: the names stay names, with no registry ids.
     */
    private static ObjectNode namedOrganisations(ObjectNode event) {
        ObjectNode details = (ObjectNode) event.get("details");
        details.set("leadOrganisationName", details.get("leadOrganisation"));
        details.putNull("leadOrganisation");
        details.set(
                "organisationNames",
                details.hasNonNull("organisations")
                        ? details.get("organisations")
                        : JsonNodeFactory.instance.arrayNode());
        details.set("organisations", JsonNodeFactory.instance.arrayNode());
        return event;
    }

    private static ObjectNode recordedV1(ObjectNode v1) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode details = EventTypes.fields(v1, "type", "title", "attendance", "outcomes");
        details.set("startDate", v1.get("date"));
        details.set("endDate", v1.get("date"));
        if (v1.path("place").isTextual()) {
            ObjectNode place = details.putObject("place");
            place.putNull("level");
            place.putNull("gss");
            place.set("name", v1.get("place"));
        } else {
            details.putNull("place");
        }
        details.set("priorities", v1.has("priorities") ? v1.get("priorities") : f.arrayNode());
        details.set("initiatives", f.arrayNode());
        details.putNull("leadOrganisation");
        details.set("organisations", v1.has("organisations") ? v1.get("organisations") : f.arrayNode());
        details.putNull("audience");
        details.putNull("reach");
        return EventTypes.fields(v1, "engagementId").set("details", details);
    }
}
