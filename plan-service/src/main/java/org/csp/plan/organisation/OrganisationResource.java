package org.csp.plan.organisation;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.http.Partnerships;
import org.csp.plan.element.Element;
import org.csp.plan.element.History;
import org.csp.plan.element.MergePatch;
import org.csp.plan.element.Preconditions;
import org.csp.plan.element.Responses;
import org.csp.plan.element.Retirement;
import org.csp.plan.element.States;
import org.csp.plan.organisation.OrganisationEvent.Definition;
import org.csp.plan.organisation.Organisations.OrganisationBody;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.PARTNER_AGENCY;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.VIEWER;

/** The partnership's registry of partner organisations: responsible authorities, co-opted members, others. */
@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final Organisations organisations;
    private final Partnerships partnerships;
    private final JsonWebToken token;
    private final ObjectMapper json;
    private final EventStore store;

    public OrganisationResource(Organisations organisations, Partnerships partnerships, JsonWebToken token, ObjectMapper json,
                                EventStore store) {
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.token = token;
        this.json = json;
        this.store = store;
    }

    public record OrganisationView(String id, String name, String kind, boolean retired, long version) {
        static OrganisationView of(States.Versioned<Element<Definition>> row) {
            Definition d = row.state().definition();
            return new OrganisationView(row.id(), d.name(), d.kind(), row.state().retired(), row.version());
        }
    }

    @GET
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<List<OrganisationView>> list(@QueryParam("partnership") String partnership,
                                            @QueryParam("includeRetired") boolean includeRetired) {
        return organisations.elements().list(partnerships.resolve(partnership)).map(rows -> rows.stream()
                .filter(row -> includeRetired || row.state().active()).map(OrganisationView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return organisations.elements().get(partnerships.resolve(partnership), id)
                .map(row -> Responses.ok(OrganisationView.of(row), row.version()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<List<History.Entry>> history(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return History.of(store, Organisations.KIND, partnerships.resolve(partnership), id);
    }

    /** Registers an organisation ({@code plan.organisation.defined.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Response> create(@QueryParam("partnership") String partnership, OrganisationBody body) {
        String partnershipId = partnerships.resolve(partnership);
        return organisations.elements().create(partnershipId, body, Actor.of(token))
                .flatMap(outcome -> organisations.elements().get(partnershipId, body.id()))
                .map(row -> Responses.created("/api/organisations/" + row.id(), OrganisationView.of(row), row.version()));
    }

    /** Amends with a JSON merge patch ({@code plan.organisation.amended.v1}); needs If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(COORDINATOR)
    public Uni<Response> amend(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                               @HeaderParam("If-Match") String ifMatch, byte[] body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = Preconditions.requireIfMatch(ifMatch);
        return organisations.elements().amend(partnershipId, id, Responses.tree(json, body), version, Actor.of(token), json)
                .flatMap(outcome -> organisations.elements().get(partnershipId, id))
                .map(row -> Responses.ok(OrganisationView.of(row), row.version()));
    }

    /** Retires the organisation ({@code plan.organisation.retired.v1}); needs If-Match. */
    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COORDINATOR)
    public Uni<Response> retire(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                                @HeaderParam("If-Match") String ifMatch, Retirement body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = Preconditions.requireIfMatch(ifMatch);
        return organisations.elements().retire(partnershipId, id, Retirement.validate(body), version, Actor.of(token))
                .flatMap(outcome -> organisations.elements().get(partnershipId, id))
                .map(row -> Responses.ok(OrganisationView.of(row), row.version()));
    }
}
