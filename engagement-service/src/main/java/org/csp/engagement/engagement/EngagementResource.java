package org.csp.engagement.engagement;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.csp.calendar.FinancialQuarter;
import org.csp.engagement.engagement.EngagementCommand.AddFollowUp;
import org.csp.engagement.engagement.EngagementCommand.AmendEngagement;
import org.csp.engagement.engagement.EngagementCommand.RecordEngagement;
import org.csp.engagement.engagement.EngagementCommand.WithdrawEngagement;
import org.csp.engagement.engagement.EngagementEvent.Details;
import org.csp.engagement.engagement.EngagementEvent.FollowUpAdded;
import org.csp.engagement.engagement.EngagementEvent.Place;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.History;
import org.csp.http.Bodies;
import org.csp.http.ETags;
import org.csp.http.MergePatch;
import org.csp.http.Partnerships;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.READER;

@Path("/api/engagements")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    /** Idempotency keys: printable ASCII, as the IETF draft and common APIs allow. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern INITIATIVE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,79}");
    private static final int MAX_PRIORITY = 20;

    private final Engagements engagements;
    private final Partnerships partnerships;
    private final JsonWebToken token;
    private final ObjectMapper json;

    public EngagementResource(Engagements engagements, Partnerships partnerships, JsonWebToken token, ObjectMapper json) {
        this.engagements = engagements;
        this.partnerships = partnerships;
        this.token = token;
        this.json = json;
    }

    /**
     * The body of {@code POST /api/engagements} and what {@code PATCH} merges into. {@code place}: a name, or
     * {@code {"level": "ward" | "parish" | "district", "gss": "E05…", "name": "…"}}; {@code endDate} for a range.
     */
    public record EngagementRequest(String type, String title, String date, String endDate, JsonNode place,
                                    List<Integer> priorities, List<String> initiatives, String leadOrganisation,
                                    List<String> organisations, String audience, Integer attendance, Integer reach,
                                    String outcomes) {
        static EngagementRequest of(Details d, ObjectMapper json) {
            return new EngagementRequest(d.type(), d.title(), d.startDate().toString(), d.endDate().toString(),
                    d.place() == null ? null : json.valueToTree(d.place()), d.priorities(), d.initiatives(), d.leadOrganisation(),
                    d.organisations(), d.audience(), d.attendance(), d.reach(), d.outcomes());
        }
    }

    /** The body of {@code POST /api/engagements/{id}/withdraw}. */
    public record WithdrawRequest(String reason) {
    }

    /** The body of {@code POST /api/engagements/{id}/follow-ups}: "you said, we did". */
    public record FollowUpRequest(String addedOn, String youSaid, String weDid) {
    }

    /** An engagement record as the API shows it. {@code date} is the start, {@code quarter} the start's quarter. */
    public record EngagementView(String id, String type, String title, LocalDate date, LocalDate endDate, String quarter,
                                 String place, Place placeDetail, List<Integer> priorities, List<String> initiatives,
                                 String leadOrganisation, List<String> organisations, String audience, Integer attendance,
                                 Integer reach, String outcomes, List<FollowUpAdded> followUps, boolean withdrawn,
                                 String withdrawnReason, long version) {
        static EngagementView of(Engagement e, long version) {
            Details d = e.details();
            return new EngagementView(e.id(), d.type(), d.title(), d.startDate(), d.endDate(), FinancialQuarter.of(d.startDate()).label(),
                    d.place() == null ? null : d.place().name(), d.place(), d.priorities(), d.initiatives(), d.leadOrganisation(),
                    d.organisations(), d.audience(), d.attendance(), d.reach(), d.outcomes(), e.followUps(), e.withdrawn(),
                    e.withdrawnReason(), version);
        }
    }

    /**
     * Appends {@code engagement.activity.recorded.v2}: 201 with the new record's Location. With an
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
        String id = Engagements.newId(p, actor, key);
        Details details = validate(body);
        return engagements.handle(p, new RecordEngagement(id, details, engagements.today()), null, actor).map(outcome -> {
            EngagementView view = EngagementView.of(outcome.state(), outcome.version());
            if (!outcome.changed()) {
                return Response.ok(view).tag(Long.toString(outcome.version())).build();
            }
            return Response.status(Response.Status.CREATED).header("Location", "/api/engagements/" + id)
                    .tag(Long.toString(outcome.version())).entity(view).build();
        });
    }

    /**
     * Records of the partnership, oldest first: in one financial {@code quarter}, of one {@code type}, serving one
     * {@code priority}, at one {@code place} (GSS code); withdrawn ones with {@code includeWithdrawn=true}.
     */
    @GET
    @RolesAllowed(READER)
    public Uni<List<EngagementView>> list(@QueryParam("partnership") String partnership, @QueryParam("quarter") String quarter,
                                          @QueryParam("type") String type, @QueryParam("priority") Integer priority,
                                          @QueryParam("place") String place,
                                          @QueryParam("includeWithdrawn") boolean includeWithdrawn) {
        FinancialQuarter q = null;
        if (quarter != null && !quarter.isBlank()) {
            q = FinancialQuarter.parse(quarter).orElseThrow(() -> new ProblemException(400, "invalid-query",
                    "Invalid query parameter", "quarter must be a financial quarter such as 2024-25-Q2."));
        }
        if (type != null && EngagementType.of(type) == null) {
            throw new ProblemException(400, "invalid-query", "Invalid query parameter", "type must be one of " + EngagementType.codes() + ".");
        }
        EngagementTable.Filter filter = new EngagementTable.Filter(q == null ? null : q.firstDay(), q == null ? null : q.lastDay(),
                type, priority, place, includeWithdrawn);
        return engagements.list(partnerships.resolve(partnership), filter)
                .map(rows -> rows.stream().map(row -> EngagementView.of(row.state(), row.version())).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(READER)
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return engagements.load(partnerships.resolve(partnership), id).map(loaded -> {
            if (!loaded.state().exists()) {
                throw ProblemException.notFound("Engagement record", id);
            }
            return Response.ok(EngagementView.of(loaded.state(), loaded.version())).tag(Long.toString(loaded.version())).build();
        });
    }

    /** Every event of the record: who (subject and client), when, and what changed. */
    @GET
    @Path("{id}/history")
    @RolesAllowed(READER)
    public Uni<List<History.Entry>> history(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return engagements.history(partnerships.resolve(partnership), id);
    }

    /** Corrects the record with a JSON merge patch of its body ({@code engagement.activity.amended.v1}); needs If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    public Uni<Response> amend(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                               @HeaderParam("If-Match") String ifMatch,
                               @RequestBody(description = "A JSON merge patch of the record's body",
                                       content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                                               schema = @Schema(implementation = EngagementRequest.class))) byte[] body) {
        long version = ETags.requireIfMatch(ifMatch);
        JsonNode patch = Bodies.tree(json, body);
        String p = partnerships.resolve(partnership);
        return engagements.load(p, id).flatMap(loaded -> {
            if (!loaded.state().exists()) {
                throw ProblemException.notFound("Engagement record", id);
            }
            Details details = validate(Bodies.patch(json, EngagementRequest.of(loaded.state().details(), json), patch,
                    EngagementRequest.class));
            return engagements.handle(p, new AmendEngagement(id, details, engagements.today()), version, Actor.of(token));
        }).map(outcome -> respond(outcome.state(), outcome.version()));
    }

    /** Withdraws the record ({@code engagement.activity.withdrawn.v1}); needs If-Match. */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    public Uni<Response> withdraw(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                                  @HeaderParam("If-Match") String ifMatch, WithdrawRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        String reason = v.publicText(body.reason(), "reason", 2000);
        v.throwIfInvalid();
        long version = ETags.requireIfMatch(ifMatch);
        return engagements.handle(partnerships.resolve(partnership), new WithdrawEngagement(id, reason), version, Actor.of(token))
                .map(outcome -> respond(outcome.state(), outcome.version()));
    }

    /** Adds a "you said, we did" follow-up ({@code engagement.activity.follow-up-added.v1}); needs If-Match. */
    @POST
    @Path("{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    public Uni<Response> followUp(@PathParam("id") String id, @QueryParam("partnership") String partnership,
                                  @HeaderParam("If-Match") String ifMatch, FollowUpRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        LocalDate addedOn = v.parse(body.addedOn(), "addedOn", LocalDate::parse, "a date such as 2024-10-01");
        v.require(addedOn == null || !addedOn.isAfter(engagements.today()), "addedOn", "must not be in the future");
        String youSaid = v.publicText(body.youSaid(), "youSaid", 2000);
        String weDid = v.publicText(body.weDid(), "weDid", 2000);
        v.throwIfInvalid();
        long version = ETags.requireIfMatch(ifMatch);
        return engagements.handle(partnerships.resolve(partnership), new AddFollowUp(id, addedOn, youSaid, weDid), version,
                Actor.of(token)).map(outcome -> respond(outcome.state(), outcome.version()));
    }

    private static Response respond(Engagement state, long version) {
        return Response.ok(EngagementView.of(state, version)).tag(Long.toString(version)).build();
    }

    static Details validate(EngagementRequest body) {
        if (body == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        EngagementType type = v.parse(body.type(), "type", EngagementType::of, "one of " + EngagementType.codes());
        String title = v.publicText(body.title(), "title", 200);
        LocalDate date = v.parse(body.date(), "date", LocalDate::parse, "a date such as 2024-08-14");
        v.require(date == null || date.getYear() >= 2000, "date", "must be in 2000 or later");
        LocalDate endDate = body.endDate() == null ? date : v.parse(body.endDate(), "endDate", LocalDate::parse, "a date such as 2024-08-16");
        Place place = place(v, body.place());
        List<Integer> priorities = body.priorities() == null ? List.of() : body.priorities().stream().distinct().toList();
        v.require(priorities.stream().allMatch(n -> n != null && n >= 1 && n <= MAX_PRIORITY), "priorities",
                "must be priority numbers of the plan, such as [1, 4]");
        List<String> initiatives = body.initiatives() == null ? List.of() : body.initiatives().stream().distinct().toList();
        v.require(initiatives.stream().allMatch(i -> i != null && INITIATIVE.matcher(i).matches()), "initiatives",
                "must be initiative ids of the plan, such as [\"P4-06\"]");
        String lead = v.optionalPublicText(body.leadOrganisation(), "leadOrganisation", 200);
        List<String> organisations = new ArrayList<>();
        if (body.organisations() != null) {
            for (int i = 0; i < body.organisations().size(); i++) {
                String name = v.publicText(body.organisations().get(i), "organisations[" + i + "]", 200);
                if (name != null && !organisations.contains(name)) {
                    organisations.add(name);
                }
            }
        }
        String audience = v.optionalPublicText(body.audience(), "audience", 200);
        v.require(body.attendance() == null || (body.attendance() >= 0 && body.attendance() <= 1_000_000), "attendance",
                "must be a number of people between 0 and 1,000,000");
        v.require(body.reach() == null || (body.reach() >= 0 && body.reach() <= 10_000_000), "reach",
                "must be a number of people between 0 and 10,000,000");
        String outcomes = v.optionalPublicText(body.outcomes(), "outcomes", 4000);
        v.throwIfInvalid();
        return new Details(type.code(), title, date, endDate, place, priorities.stream().sorted().toList(), initiatives, lead,
                List.copyOf(organisations), audience, body.attendance(), body.reach(), outcomes);
    }

    /** A place name alone (as before places were coded), or a ward, parish or district with its GSS code. */
    private static Place place(Validation v, JsonNode place) {
        if (place == null || place.isNull()) {
            return null;
        }
        if (place.isTextual()) {
            String name = v.publicText(place.asText(), "place", 200);
            return name == null ? null : new Place(null, null, name);
        }
        if (!place.isObject()) {
            v.require(false, "place", "must be a name or {\"level\", \"gss\", \"name\"}");
            return null;
        }
        PlaceLevel level = v.parse(place.path("level").isTextual() ? place.get("level").asText() : null, "place.level",
                PlaceLevel::of, "ward, parish or district");
        String gss = place.path("gss").isTextual() ? place.get("gss").asText() : null;
        v.require(level == null || (gss != null && level.matches(gss)), "place.gss",
                level == null ? "must be the GSS code of the place" : "must be " + level.expected());
        String name = v.publicText(place.path("name").isTextual() ? place.get("name").asText() : null, "place.name", 200);
        var fields = place.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            v.require(List.of("level", "gss", "name").contains(field), "place." + field, "is unknown");
        }
        return level == null ? null : new Place(level.code(), gss, name);
    }
}
