package org.csp.plan.initiative;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.csp.calendar.FinancialQuarter;
import org.csp.eventsourcing.Actor;
import org.csp.http.ETags;
import org.csp.http.Partnerships;
import org.csp.plan.initiative.InitiativeCommand.UpdateProgress;
import org.csp.plan.initiative.InitiativeEvent.InitiativeDefined;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;
import org.csp.plan.initiative.InitiativeSummaryTable.InitiativeSummaryRow;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDate;
import java.util.List;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.PARTNER_AGENCY;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.VIEWER;

@Path("/api/initiatives")
@Produces(MediaType.APPLICATION_JSON)
public class InitiativeResource {

    private final Initiatives initiatives;
    private final Partnerships partnerships;
    private final JsonWebToken token;

    public InitiativeResource(Initiatives initiatives, Partnerships partnerships, JsonWebToken token) {
        this.initiatives = initiatives;
        this.partnerships = partnerships;
        this.token = token;
    }

    /** The body of {@code POST /api/initiatives/{id}/progress}. */
    public record ProgressRequest(String quarter, String status, String rag, String commentary) {
    }

    /** An initiative in the list, with its latest reported quarter. */
    public record InitiativeSummaryView(String id, int priority, String priorityTitle, String title, String leadOrganisation,
                                        String latestQuarter, String status, String rag, long version) {
        static InitiativeSummaryView of(InitiativeSummaryRow r) {
            return new InitiativeSummaryView(r.id(), r.priority(), r.priorityTitle(), r.title(), r.leadOrganisation(),
                    r.latestQuarter(), r.status(), r.rag(), r.version());
        }
    }

    public record ProgressView(String quarter, String status, String rag, String commentary) {
        static ProgressView of(ProgressUpdated p) {
            return new ProgressView(p.quarter(), p.status(), p.rag(), p.commentary());
        }
    }

    public record InitiativeView(String id, int priority, String priorityTitle, String title, String leadOrganisation,
                                 LocalDate start, LocalDate due, List<ProgressView> progress, long version) {
        static InitiativeView of(Initiative state, long version) {
            InitiativeDefined d = state.definition();
            return new InitiativeView(d.initiativeId(), d.priority(), d.priorityTitle(), d.title(), d.leadOrganisation(),
                    d.start(), d.due(), state.progressByQuarter().values().stream().map(ProgressView::of).toList(), version);
        }
    }

    public record ProgressResponse(String initiativeId, String quarter, String status, String rag, String commentary,
                                   long version) {
        static ProgressResponse of(ProgressUpdated p, long version) {
            return new ProgressResponse(p.initiativeId(), p.quarter(), p.status(), p.rag(), p.commentary(), version);
        }
    }

    @GET
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<List<InitiativeSummaryView>> list(@QueryParam("partnership") String partnership) {
        return initiatives.list(partnerships.resolve(partnership)).map(rows -> rows.stream().map(InitiativeSummaryView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return initiatives.load(partnerships.resolve(partnership), id).map(loaded -> {
            Initiative state = loaded.state();
            if (!state.exists()) {
                throw ProblemException.notFound("Initiative", id);
            }
            return Response.ok(InitiativeView.of(state, loaded.version())).tag(Long.toString(loaded.version())).build();
        });
    }

    /** Appends {@code plan.initiative.updated.v1}; a repeat of the same report changes nothing. */
    @POST
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD})
    public Uni<Response> updateProgress(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                                        @HeaderParam("If-Match") String ifMatch, ProgressRequest body) {
        UpdateProgress command = validate(id, body);
        return initiatives.updateProgress(partnerships.resolve(partnership), command, ETags.parseIfMatch(ifMatch), Actor.of(token))
                .map(outcome -> {
                    ProgressUpdated p = outcome.state().progressByQuarter().get(command.quarter().label());
                    return Response.ok(ProgressResponse.of(p, outcome.version()))
                            .tag(Long.toString(outcome.version())).build();
                });
    }

    private static UpdateProgress validate(String id, ProgressRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        FinancialQuarter quarter = v.parse(body.quarter(), "quarter", q -> FinancialQuarter.parse(q).orElse(null),
                "a financial quarter such as \"2024/25 Q2\"");
        ProgressStatus status = v.parse(body.status(), "status", ProgressStatus::of, "one of " + ProgressStatus.codes());
        Rag rag = v.parse(body.rag(), "rag", Rag::of, "one of red, amber, green");
        String commentary = v.optionalText(body.commentary(), "commentary", 4000);
        v.require(commentary != null || (status != ProgressStatus.AT_RISK && status != ProgressStatus.OFF_TRACK),
                "commentary", "is required when an initiative is at risk or off track");
        v.throwIfInvalid();
        return new UpdateProgress(id, quarter, status, rag, commentary);
    }
}
