package org.csp.plan.organisation;

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
import java.util.List;
import org.csp.http.ApiCall;
import org.csp.plan.element.Element;
import org.csp.plan.element.ElementResource;
import org.csp.plan.element.States;
import org.csp.plan.organisation.OrganisationEvent.Definition;
import org.csp.plan.organisation.Organisations.OrganisationRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The partnership's registry of partner organisations: responsible authorities, co-opted members, others. */
@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
// read, amend and retire are inherited (PlanPartResource, ElementResource) and answer with this kind's view:
// SmallRye gives each operation the responses declared on its resource class, a method's own overriding them
@APIResponse(
        responseCode = "200",
        description = "The organisation as it stands (read, amended or retired)",
        headers = @Header(ref = "ETag"),
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = OrganisationResource.OrganisationView.class)))
public class OrganisationResource
        extends ElementResource<
                OrganisationRequest, Definition, OrganisationEvent, OrganisationResource.OrganisationView> {

    public OrganisationResource(Organisations organisations, ApiCall call) {
        super(organisations.elements(), "/api/organisations/", (row, names) -> OrganisationView.of(row), call);
    }

    public record OrganisationView(String id, String name, String kind, boolean retired, long version) {
        static OrganisationView of(States.Versioned<Element<Definition>> row) {
            Definition d = row.state().definition();
            return new OrganisationView(
                    row.id(), d.name(), d.kind(), row.state().retired(), row.version());
        }
    }

    @GET
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The organisations",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = OrganisationView.class)))
    public Uni<List<OrganisationView>> list(
            @QueryParam("partnership") String partnership, @QueryParam("includeRetired") boolean includeRetired) {
        return listed(partnership, includeRetired, definition -> true);
    }

    /** Registers an organisation ({@code plan.organisation.defined.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    @APIResponse(
            responseCode = "201",
            description = "The new organisation",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrganisationView.class)))
    public Uni<Response> create(@QueryParam("partnership") String partnership, OrganisationRequest body) {
        return created(partnership, body);
    }
}
