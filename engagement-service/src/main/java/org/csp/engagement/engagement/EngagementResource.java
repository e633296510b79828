package org.csp.engagement.engagement;

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
import jakarta.ws.rs.core.UriBuilder;
import org.csp.calendar.FinancialQuarter;
import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementEvent.EngagementRecorded;
import org.csp.engagement.engagement.EngagementTable.EngagementRow;
import org.csp.eventsourcing.Actor;
import org.csp.http.Partnerships;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.PARTNER_AGENCY;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.VIEWER;

@Path("/api/engagements")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    /** Idempotency keys: printable ASCII, as the IETF draft and common APIs allow. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int MAX_PRIORITY = 20;

    private final Engagements engagements;
    private final Partnerships partnerships;
    private final JsonWebToken token;

    public EngagementResource(Engagements engagements, Partnerships partnerships, JsonWebToken token) {
        this.engagements = engagements;
        this.partnerships = partnerships;
        this.token = token;
    }

    /** The body of {@code POST /api/engagements}. */
    public record EngagementRequest(String type, String title, String date, String place, List<Integer> priorities,
                                    List<String> organisations, Integer attendance, String outcomes) {
    }

    /** An engagement record as the API shows it; the one place where events and rows become the API. */
    public record EngagementView(String id, String type, String title, LocalDate date, String quarter, String place,
                                 List<Integer> priorities, List<String> organisations, Integer attendance, String outcomes) {
        static EngagementView of(EngagementRecorded r) {
            return new EngagementView(r.engagementId(), r.type(), r.title(), r.date(), FinancialQuarter.of(r.date()).label(),
                    r.place(), r.priorities(), r.organisations(), r.attendance(), r.outcomes());
        }

        static EngagementView of(EngagementRow r) {
            return new EngagementView(r.id(), r.type(), r.title(), r.date(), FinancialQuarter.of(r.date()).label(),
                    r.place(), r.priorities(), r.organisations(), r.attendance(), r.outcomes());
        }
    }

    /**
     * Appends {@code engagement.activity.recorded.v1}: 201 with the new record's Location. With an
     * {@code Idempotency-Key}, a retry returns the same record with 200 and stores nothing more.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    public Uni<Response> record(@QueryParam("partnership") String partnership, @HeaderParam("Idempotency-Key") String key,
                                EngagementRequest body) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ProblemException(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 200 printable characters without spaces, e.g. a UUID.");
        }
        String p = partnerships.resolve(partnership);
        Actor actor = Actor.of(token);
        RecordEngagement command = validate(Engagements.newId(p, actor, key), body);
        return engagements.record(p, command, actor).map(outcome -> {
            EngagementView view = EngagementView.of(outcome.state().record());
            if (!outcome.changed()) {
                return Response.ok(view).build();
            }
            return Response.created(UriBuilder.fromPath("/api/engagements/{id}").build(view.id())).entity(view).build();
        });
    }

    /** Records of the partnership, optionally dated in one financial quarter and of one type, oldest first. */
    @GET
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<List<EngagementView>> list(@QueryParam("partnership") String partnership, @QueryParam("quarter") String quarter,
                                        @QueryParam("type") String type) {
        FinancialQuarter q = null;
        if (quarter != null && !quarter.isBlank()) {
            q = FinancialQuarter.parse(quarter).orElseThrow(() -> new ProblemException(400, "invalid-query",
                    "Invalid query parameter", "quarter must be a financial quarter such as 2024-25-Q2."));
        }
        if (type != null && EngagementType.of(type) == null) {
            throw new ProblemException(400, "invalid-query", "Invalid query parameter", "type must be one of " + EngagementType.codes() + ".");
        }
        return engagements.list(partnerships.resolve(partnership), q, type)
                .map(list -> list.stream().map(EngagementView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return engagements.load(partnerships.resolve(partnership), id).map(loaded -> {
            if (!loaded.state().exists()) {
                throw ProblemException.notFound("Engagement record", id);
            }
            return Response.ok(EngagementView.of(loaded.state().record())).tag(Long.toString(loaded.version())).build();
        });
    }

    private static RecordEngagement validate(String id, EngagementRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        EngagementType type = v.parse(body.type(), "type", EngagementType::of, "one of " + EngagementType.codes());
        String title = v.publicText(body.title(), "title", 200);
        LocalDate date = v.parse(body.date(), "date", LocalDate::parse, "a date such as 2024-08-14");
        v.require(date == null || date.getYear() >= 2000, "date", "must be in 2000 or later");
        String place = v.optionalPublicText(body.place(), "place", 200);
        List<Integer> priorities = body.priorities() == null ? List.of() : body.priorities().stream().distinct().toList();
        v.require(priorities.stream().allMatch(n -> n != null && n >= 1 && n <= MAX_PRIORITY), "priorities",
                "must be priority numbers of the plan, such as [1, 4]");
        List<String> organisations = new ArrayList<>();
        if (body.organisations() != null) {
            for (String organisation : body.organisations()) {
                String name = v.publicText(organisation, "organisations", 200);
                if (name != null && !organisations.contains(name)) {
                    organisations.add(name);
                }
            }
        }
        v.require(body.attendance() == null || (body.attendance() >= 0 && body.attendance() <= 1_000_000), "attendance",
                "must be a number of people between 0 and 1,000,000");
        String outcomes = v.optionalPublicText(body.outcomes(), "outcomes", 4000);
        v.throwIfInvalid();
        return new RecordEngagement(id, type, title, date, place, priorities.stream().sorted().toList(),
                organisations, body.attendance(), outcomes, Engagements.today());
    }
}
