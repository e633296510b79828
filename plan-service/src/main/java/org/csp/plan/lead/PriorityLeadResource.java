package org.csp.plan.lead;

import static org.csp.security.Roles.COORDINATOR;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.plan.element.Responses;
import org.csp.plan.priority.Priorities;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The coordinator's mapping of priority leads to the priorities they lead, by the lead's token subject (the
 * identity provider's user id, never a name). A lead's token may also name priorities in its {@code priorities} claim.
 */
@Path("/api/priority-leads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(COORDINATOR)
public class PriorityLeadResource {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private final PriorityLeads leads;
    private final ApiCall call;

    public PriorityLeadResource(PriorityLeads leads, ApiCall call) {
        this.leads = leads;
        this.call = call;
    }

    /** The body of {@code PUT /api/priority-leads/{subject}}: the priorities the lead leads (empty withdraws the mapping). */
    public record AssignmentRequest(
            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Priorities.Number.class,
                    maxItems = Priorities.MAX_NUMBER,
                    description = "Priority numbers, at most " + Priorities.MAX_NUMBER)
            List<Integer> priorities) {}

    public record PriorityLeadView(String subject, List<Integer> priorities, long version) {}

    @GET
    public Uni<List<PriorityLeadView>> list(@QueryParam("partnership") String partnership) {
        return leads.list(call.partnership(partnership))
                .map(rows -> rows.stream()
                        .map(row -> new PriorityLeadView(row.id(), row.state().priorities(), row.version()))
                        .toList());
    }

    @GET
    @Path("{subject}")
    @APIResponse(
            responseCode = "200",
            description = "The lead's priorities",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PriorityLeadView.class)))
    public Uni<Response> get(@PathParam("subject") String subject, @QueryParam("partnership") String partnership) {
        return leads.load(call.partnership(partnership), subject).map(loaded -> {
            if (loaded.version() == 0) {
                throw ProblemException.notFound("Priority lead", subject);
            }
            return Responses.ok(
                    new PriorityLeadView(subject, loaded.state().priorities(), loaded.version()), loaded.version());
        });
    }

    @GET
    @Path("{subject}/history")
    public Uni<List<History.Entry>> history(
            @PathParam("subject") String subject, @QueryParam("partnership") String partnership) {
        return leads.history(call.partnership(partnership), subject);
    }

    /**
     * Maps the lead to exactly these priorities ({@code plan.priority-lead.assigned.v1}). A new mapping needs no
     * If-Match; changing an existing one does.
     */
    @PUT
    @Path("{subject}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The changed mapping",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PriorityLeadView.class)))
    @APIResponse(
            responseCode = "201",
            description = "The lead's first mapping",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PriorityLeadView.class)))
    public Uni<Response> assign(
            @PathParam("subject") String subject,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            AssignmentRequest body) {
        Validation v = Validation.of(body);
        v.require(SUBJECT.matcher(subject).matches(), "subject", "must be the lead's token subject (user id)");
        List<Integer> priorities = v.atMost(body.priorities(), "priorities", Priorities.MAX_NUMBER);
        v.require(
                body.priorities() != null && priorities.stream().allMatch(Priorities::isNumber),
                "priorities",
                "must be a list of priority numbers");
        v.throwIfInvalid();
        String partnershipId = call.partnership(partnership);
        Long expected = ETags.parseIfMatch(ifMatch);
        return leads.load(partnershipId, subject)
                .flatMap(loaded -> {
                    Long version = loaded.version() == 0
                            ? expected
                            : Long.valueOf(expected == null ? ETags.requireIfMatch(ifMatch) : expected);
                    return leads.assign(partnershipId, subject, body.priorities(), version, call.actor());
                })
                .map(outcome -> {
                    PriorityLeadView view =
                            new PriorityLeadView(subject, outcome.state().priorities(), outcome.version());
                    return outcome.version() == outcome.events().size()
                            ? Responses.created("/api/priority-leads/" + subject, view, outcome.version())
                            : Responses.ok(view, outcome.version());
                });
    }
}
