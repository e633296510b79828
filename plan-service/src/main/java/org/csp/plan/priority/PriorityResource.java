package org.csp.plan.priority;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.csp.http.ApiCall;
import org.csp.plan.element.Element;
import org.csp.plan.element.ElementResource;
import org.csp.plan.element.States;
import org.csp.plan.organisation.OrganisationNames;
import org.csp.plan.priority.Priorities.PriorityRequest;
import org.csp.plan.priority.PriorityEvent.Definition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The plan's priorities, known by their number. */
@Path("/api/priorities")
@Produces(MediaType.APPLICATION_JSON)
// read, amend and retire are inherited (PlanPartResource, ElementResource) and answer with this kind's view:
// SmallRye gives each operation the responses declared on its resource class, a method's own overriding them
@APIResponse(
        responseCode = "200",
        description = "The priority as it stands (read, amended or retired)",
        headers = @Header(ref = "ETag"),
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PriorityResource.PriorityView.class)))
public class PriorityResource
        extends ElementResource<PriorityRequest, Definition, PriorityEvent, PriorityResource.PriorityView> {

    public PriorityResource(Priorities priorities, ApiCall call) {
        super(priorities.elements(), "/api/priorities/", PriorityView::of, call);
    }

    /** A priority; {@code leadOrganisation} is a registry id, its name beside it. */
    public record PriorityView(
            int number,
            String title,
            String statement,
            String why,
            String leadOrganisation,
            String leadOrganisationName,
            String subGroup,
            List<MeasureView> measures,
            boolean retired,
            long version) {
        static PriorityView of(States.Versioned<Element<Definition>> row, OrganisationNames organisations) {
            Definition d = row.state().definition();
            return new PriorityView(
                    Integer.parseInt(row.id()),
                    d.title(),
                    d.statement(),
                    d.why(),
                    d.leadOrganisation(),
                    organisations.name(d.leadOrganisation()),
                    d.subGroup(),
                    d.measures().stream().map(MeasureView::of).toList(),
                    row.state().retired(),
                    row.version());
        }
    }

    /** A "how will we measure success?" line and the indicator codes behind it. */
    public record MeasureView(String text, List<String> indicators) {
        public static MeasureView of(PriorityEvent.Measure m) {
            return new MeasureView(m.text(), m.indicators());
        }
    }

    @GET
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The priorities",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PriorityView.class)))
    public Uni<List<PriorityView>> list(
            @QueryParam("partnership") String partnership, @QueryParam("includeRetired") boolean includeRetired) {
        return listed(partnership, includeRetired, definition -> true)
                .map(views -> views.stream()
                        .sorted(Comparator.comparingInt(PriorityView::number))
                        .toList());
    }

    /** Adds a priority ({@code plan.priority.defined.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "201",
            description = "The new priority",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PriorityView.class)))
    public Uni<Response> create(@QueryParam("partnership") String partnership, PriorityRequest body) {
        return created(partnership, body);
    }

    /** A priority's view names its lead organisation. */
    @Override
    protected Uni<OrganisationNames> names(String partnershipId) {
        return registryNames(partnershipId);
    }
}
