package org.csp.plan.initiative;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.READER;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.UnaryOperator;
import org.csp.calendar.FinancialQuarter;
import org.csp.codes.Coded;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.http.MergePatch;
import org.csp.plan.element.PlanPartResource;
import org.csp.plan.element.PlanParts;
import org.csp.plan.element.Responses;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/initiatives")
@Produces(MediaType.APPLICATION_JSON)
// read and retire are inherited (PlanPartResource) and answer with the initiative's view:
// SmallRye gives each operation the responses declared on its resource class, a method's own overriding them
@APIResponse(
        responseCode = "200",
        description = "The initiative as it stands (read, amended or retired)",
        headers = @Header(ref = "ETag"),
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = InitiativeViews.InitiativeView.class)))
public class InitiativeResource extends PlanPartResource {

    private final Initiatives initiatives;
    private final InitiativeViews views;

    public InitiativeResource(Initiatives initiatives, InitiativeViews views, ApiCall call) {
        super(call);
        this.initiatives = initiatives;
        this.views = views;
    }

    /** The longest progress commentary. */
    public static final int MAX_COMMENTARY = 4000;

    /** The body of {@code POST /api/initiatives/{id}/progress}. */
    public record ProgressRequest(
            @Schema(maxLength = FinancialQuarter.LENGTH, description = "A financial quarter such as 2024/25 Q2")
            String quarter,

            @Schema(maxLength = Coded.MAX_LENGTH) String status,
            @Schema(maxLength = Coded.MAX_LENGTH) String rag,
            @Schema(maxLength = MAX_COMMENTARY) String commentary) {}

    public record ProgressResponse(
            String initiativeId, String quarter, String status, String rag, String commentary, long version) {
        static ProgressResponse of(ProgressUpdated p, long version) {
            return new ProgressResponse(p.initiativeId(), p.quarter(), p.status(), p.rag(), p.commentary(), version);
        }
    }

    /**
     * The plan's initiatives, by priority and id. Filters: {@code priority}, {@code lead} (lead partner id),
     * {@code status}, {@code rag}, {@code overdue=true} (due date passed and not completed, or no progress for the
     * quarter under review: {@code quarter}, else the open review's quarter); retired ones with
     * {@code includeRetired=true}.
     */
    @GET
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The initiatives",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = InitiativeViews.InitiativeSummaryView.class)))
    public Uni<List<InitiativeViews.InitiativeSummaryView>> list(
            @QueryParam("partnership") String partnership,
            @QueryParam("priority") Integer priority,
            @QueryParam("lead") String lead,
            @QueryParam("status") String status,
            @QueryParam("rag") String rag,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("quarter") String quarter,
            @QueryParam("includeRetired") boolean includeRetired) {
        Validation v = new Validation();
        if (status != null) {
            v.parse(status, "status", ProgressStatus::of, "one of " + ProgressStatus.codes());
        }
        if (rag != null) {
            v.parse(rag, "rag", Rag::of, "one of red, amber, green");
        }
        FinancialQuarter underReview = quarter == null
                ? null
                : v.parse(
                        quarter,
                        "quarter",
                        q -> FinancialQuarter.parse(q).orElse(null),
                        "a financial quarter such as \"2024/25 Q3\"");
        v.throwIfInvalid();
        InitiativeViews.Filter filter = new InitiativeViews.Filter(
                priority, lead, status, rag, overdue, underReview, includeRetired, call.today());
        return views.list(call.partnership(partnership), filter);
    }

    /** Adds an initiative to the plan ({@code plan.initiative.defined.v2}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "201",
            description = "The new initiative",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InitiativeViews.InitiativeView.class)))
    public Uni<Response> create(@QueryParam("partnership") String partnership, InitiativeRequest body) {
        String partnershipId = call.partnership(partnership);
        return initiatives
                .create(partnershipId, body, call.actor())
                .flatMap(outcome -> views.one(partnershipId, body.id()))
                .map(view -> Responses.created("/api/initiatives/" + view.id(), view, view.version()));
    }

    /** Amends with a JSON merge patch of the initiative's body ({@code plan.initiative.amended.v1}); needs If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "200",
            description = "The initiative as amended",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InitiativeViews.InitiativeView.class)))
    public Uni<Response> amend(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            description = "A JSON merge patch of the body: the fields to change, null removes one",
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = InitiativeRequest.class)))
                    byte[] body) {
        return written(
                id,
                partnership,
                ifMatch,
                (partnershipId, version, actor) ->
                        initiatives.amend(partnershipId, id, patchedBy(body), version, actor));
    }

    @Override
    protected PlanParts parts() {
        return initiatives;
    }

    @Override
    protected Uni<Response> current(String partnershipId, String id) {
        return views.one(partnershipId, id).map(view -> Responses.ok(view, view.version()));
    }

    /**
     * Appends {@code plan.initiative.updated.v2} (who reported, from the token); a repeat of the same report changes nothing. A priority lead reports
     * on their own priorities only; a quarter whose review is closed is frozen (409). If-Match is optional here.
     */
    @POST
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD})
    @APIResponse(
            responseCode = "200",
            description = "The progress of the quarter as recorded",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgressResponse.class)))
    public Uni<Response> updateProgress(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            ProgressRequest body) {
        UpdateProgress command = validate(id, body);
        return initiatives
                .updateProgress(call.partnership(partnership), command, ETags.parseIfMatch(ifMatch), call.actor())
                .map(outcome -> {
                    ProgressUpdated p = outcome.state()
                            .progressByQuarter()
                            .get(command.quarter().label());
                    return Responses.ok(ProgressResponse.of(p, outcome.version()), outcome.version());
                });
    }

    /** The command a progress body stands for, or 422 listing every field that is wrong. */
    public static UpdateProgress validate(String id, ProgressRequest body) {
        Validation v = Validation.of(body);
        FinancialQuarter quarter = v.parse(
                body.quarter(),
                "quarter",
                FinancialQuarter.LENGTH,
                q -> FinancialQuarter.parse(q).orElse(null),
                "a financial quarter such as \"2024/25 Q2\"");
        ProgressStatus status = v.parse(
                body.status(), "status", Coded.MAX_LENGTH, ProgressStatus::of, "one of " + ProgressStatus.codes());
        Rag rag = v.parse(body.rag(), "rag", Coded.MAX_LENGTH, Rag::of, "one of red, amber, green");
        String commentary = v.optionalPublicText(body.commentary(), "commentary", MAX_COMMENTARY);
        v.require(
                commentary != null || (status != ProgressStatus.AT_RISK && status != ProgressStatus.OFF_TRACK),
                "commentary",
                "is required when an initiative is at risk or off track");
        v.throwIfInvalid();
        return new UpdateProgress(id, quarter, status, rag, commentary);
    }

    /** The client's merge patch, read now (400 when malformed) and applied to the current request in the transaction. */
    private UnaryOperator<InitiativeRequest> patchedBy(byte[] body) {
        JsonNode patch = call.tree(body);
        return current -> call.patch(current, patch, InitiativeRequest.class);
    }
}
