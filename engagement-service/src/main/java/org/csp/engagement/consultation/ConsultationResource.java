package org.csp.engagement.consultation;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.READER;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.csp.calendar.FinancialQuarter;
import org.csp.calendar.UkCalendar;
import org.csp.codes.Coded;
import org.csp.engagement.consultation.ConsultationCommand.CloseConsultation;
import org.csp.engagement.consultation.ConsultationCommand.OpenConsultation;
import org.csp.engagement.consultation.ConsultationCommand.PublishResults;
import org.csp.engagement.consultation.ConsultationEvent.Question;
import org.csp.engagement.consultation.ConsultationEvent.Result;
import org.csp.geography.GssCode;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Consultations and surveys: opened, closed, and their aggregate results published. */
@Path("/api/consultations")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationResource {

    public static final int MAX_ID = 80;
    public static final int MAX_TITLE = 200;
    public static final int MAX_PRIORITY = 20;
    public static final int MAX_QUESTIONS = 100;
    /** The longest question code, such as Q1. */
    public static final int MAX_CODE = 40;

    public static final int MAX_QUESTION = 500;
    public static final int MAX_INDICATOR = 60;
    public static final int MAX_SAMPLE_SIZE = 10_000_000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2," + (MAX_ID - 1) + "}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0," + (MAX_CODE - 1) + "}");
    private static final Pattern INDICATOR = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    private final Consultations consultations;
    private final ApiCall call;

    public ConsultationResource(Consultations consultations, ApiCall call) {
        this.consultations = consultations;
        this.call = call;
    }

    /** The body of {@code POST /api/consultations}. */
    public record OpenRequest(
            @Schema(maxLength = MAX_ID, description = "Lower-case letters, digits and hyphens")
            String id,

            @Schema(enumeration = {"consultation", "survey"})
            String kind,

            @Schema(maxLength = MAX_TITLE) String title,
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String opensOn,
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String plannedClose,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = PriorityNumber.class,
                    maxItems = MAX_PRIORITY,
                    description = "The plan's priorities it serves, at most " + MAX_PRIORITY)
            List<Integer> priorities,

            @Schema(maxItems = MAX_QUESTIONS) List<QuestionRequest> questions) {}

    /** A question as asked: a short code and its wording. */
    public record QuestionRequest(
            @Schema(maxLength = MAX_CODE) String code,
            @Schema(maxLength = MAX_QUESTION) String text) {}

    /** The body of {@code POST …/{id}/close}. */
    public record CloseRequest(
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String closedOn) {}

    /** The body of {@code POST …/{id}/results}. */
    public record ResultsRequest(
            @Schema(maxLength = UkCalendar.DATE_LENGTH) String publishedOn,

            @Schema(maxLength = FinancialQuarter.LENGTH, description = "A financial year (2024/25) or quarter")
            String period,

            @Schema(maxLength = GssCode.LENGTH) String geography,
            @Schema(maxItems = MAX_QUESTIONS) List<ResultRequest> results) {}

    /** A question's aggregate result: percentage agreeing, respondents, and the indicator code it measures, if any. */
    public record ResultRequest(
            @Schema(maxLength = MAX_CODE) String question,
            @Schema(maxLength = MAX_INDICATOR) String indicator,

            @Schema(minimum = "0", maximum = "100", description = "A percentage, kept as a 64-bit binary fraction")
            Double percentage,

            @Schema(minimum = "1", maximum = "" + MAX_SAMPLE_SIZE)
            Integer sampleSize) {}

    /** A priority's number as the OpenAPI document shows it. */
    @Schema(name = "ConsultationPriority", type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_PRIORITY)
    interface PriorityNumber {}

    /** A consultation as the API shows it; {@code status} open, closed or results-published; {@code version} its ETag. */
    public record ConsultationView(
            String id,
            String kind,
            String title,
            LocalDate opensOn,
            LocalDate plannedClose,
            LocalDate closedOn,
            String status,
            List<Integer> priorities,
            List<QuestionView> questions,
            ResultsView results,
            long version) {
        static ConsultationView of(Consultation state, long version) {
            return switch (state) {
                case Consultation.NotOpened none ->
                    throw new IllegalArgumentException("A consultation never opened has no view");
                case Consultation.Open o -> of(o, "open", null, null, version);
                case Consultation.Closed c -> of(c, "closed", c.closedOn(), null, version);
                case Consultation.Published p ->
                    of(p, "results-published", p.closedOn(), ResultsView.of(p.results()), version);
            };
        }

        private static ConsultationView of(
                Consultation.Opened c, String status, LocalDate closedOn, ResultsView results, long version) {
            Consultation.Terms t = c.terms();
            return new ConsultationView(
                    c.id(),
                    t.kind(),
                    t.title(),
                    t.opensOn(),
                    t.plannedClose(),
                    closedOn,
                    status,
                    t.priorities(),
                    t.questions().stream().map(QuestionView::of).toList(),
                    results,
                    version);
        }
    }

    public record QuestionView(String code, String text) {
        static QuestionView of(Question q) {
            return new QuestionView(q.code(), q.text());
        }
    }

    /** The latest publication of the results: when, for which period and geography, and per question. */
    public record ResultsView(LocalDate publishedOn, String period, String geography, List<ResultView> results) {
        static ResultsView of(Consultation.Results r) {
            return new ResultsView(
                    r.publishedOn(),
                    r.period(),
                    r.geography(),
                    r.results().stream().map(ResultView::of).toList());
        }
    }

    public record ResultView(String question, String indicator, double percentage, int sampleSize) {
        static ResultView of(Result r) {
            return new ResultView(r.question(), r.indicator(), r.percentage(), r.sampleSize());
        }
    }

    @GET
    @RolesAllowed(READER)
    public Uni<List<ConsultationView>> list(@QueryParam("partnership") String partnership) {
        return consultations
                .list(call.partnership(partnership), null)
                .map(rows -> rows.stream()
                        .map(row -> ConsultationView.of(row.state(), row.version()))
                        .toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(READER)
    @APIResponse(
            responseCode = "200",
            description = "The consultation",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsultationView.class)))
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("partnership") String partnership) {
        return consultations.list(call.partnership(partnership), id).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Consultation", id);
            }
            return respond(rows.getFirst().state(), rows.getFirst().version());
        });
    }

    /** Opens a consultation or survey ({@code engagement.consultation.opened.v1}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    @APIResponse(
            responseCode = "201",
            description = "The consultation, opened",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsultationView.class)))
    public Uni<Response> open(@QueryParam("partnership") String partnership, OpenRequest body) {
        Validation v = Validation.of(body);
        String id = v.parse(
                body.id(),
                "id",
                MAX_ID,
                text -> ID.matcher(text).matches() ? text : null,
                "an id of lower-case letters, digits and hyphens, such as 2024-residents-survey");
        String kind = v.parse(
                body.kind(),
                "kind",
                Coded.MAX_LENGTH,
                k -> k.equals("consultation") || k.equals("survey") ? k : null,
                "consultation or survey");
        String title = v.publicText(body.title(), "title", MAX_TITLE);
        LocalDate opensOn = date(v, body.opensOn(), "opensOn", "a date such as 2024-06-01");
        LocalDate plannedClose =
                body.plannedClose() == null ? null : date(v, body.plannedClose(), "plannedClose", "a date");
        v.require(
                opensOn == null || plannedClose == null || !plannedClose.isBefore(opensOn),
                "plannedClose",
                "must not be before opensOn");
        List<Integer> priorities = v.atMost(body.priorities(), "priorities", MAX_PRIORITY).stream()
                .distinct()
                .toList();
        v.require(
                priorities.stream().allMatch(p -> p != null && p >= 1 && p <= MAX_PRIORITY),
                "priorities",
                "must be priority numbers");
        List<Question> questions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<QuestionRequest> given = body.questions() == null ? List.of() : body.questions();
        v.require(
                !given.isEmpty() && given.size() <= MAX_QUESTIONS,
                "questions",
                "must list 1 to " + MAX_QUESTIONS + " questions");
        for (int i = 0; i < given.size() && i < MAX_QUESTIONS; i++) {
            QuestionRequest q = given.get(i);
            String at = "questions[" + i + "]";
            String code = v.parse(
                    q == null ? null : q.code(),
                    at + ".code",
                    MAX_CODE,
                    c -> CODE.matcher(c).matches() ? c : null,
                    "a short code such as Q1");
            v.require(code == null || codes.add(code), at + ".code", "is used twice");
            questions.add(new Question(code, v.publicText(q == null ? null : q.text(), at + ".text", MAX_QUESTION)));
        }
        v.throwIfInvalid();
        String p = call.partnership(partnership);
        var command = new OpenConsultation(
                id,
                kind,
                title,
                opensOn,
                plannedClose,
                priorities.stream().sorted().toList(),
                List.copyOf(questions));
        return consultations
                .handle(p, command, null, call.actor())
                .map(outcome -> Response.status(Response.Status.CREATED)
                        .header("Location", "/api/consultations/" + id)
                        .tag(Long.toString(outcome.version()))
                        .entity(ConsultationView.of(outcome.state(), outcome.version()))
                        .build());
    }

    /** Closes it ({@code engagement.consultation.closed.v1}); needs If-Match. */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    @APIResponse(
            responseCode = "200",
            description = "The consultation, closed",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsultationView.class)))
    public Uni<Response> close(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            CloseRequest body) {
        Validation v = Validation.of(body);
        LocalDate closedOn = date(v, body.closedOn(), "closedOn", "a date such as 2024-07-31");
        v.require(closedOn == null || !closedOn.isAfter(call.today()), "closedOn", "must not be in the future");
        v.throwIfInvalid();
        long version = ETags.requireIfMatch(ifMatch);
        return step(partnership, new CloseConsultation(id, closedOn), version);
    }

    /**
     * Publishes its aggregate results ({@code engagement.consultation.results-published.v1}): per question the
     * percentage agreeing and the sample size, and, where the question measures one, the indicator code. A later
     * publication corrects an earlier one. Needs If-Match.
     */
    @POST
    @Path("{id}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COORDINATOR, ENGAGEMENT_OFFICER})
    @APIResponse(
            responseCode = "200",
            description = "The consultation with its results",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsultationView.class)))
    public Uni<Response> publish(
            @PathParam("id") String id,
            @QueryParam("partnership") String partnership,
            @HeaderParam("If-Match") String ifMatch,
            ResultsRequest body) {
        Validation v = Validation.of(body);
        LocalDate publishedOn = date(v, body.publishedOn(), "publishedOn", "a date such as 2024-09-01");
        v.require(
                publishedOn == null || !publishedOn.isAfter(call.today()), "publishedOn", "must not be in the future");
        String period = v.parse(
                body.period(),
                "period",
                FinancialQuarter.LENGTH,
                ConsultationResource::period,
                "a financial year such as 2024/25 or a quarter such as 2024/25 Q3");
        String geography = v.parse(
                body.geography(),
                "geography",
                GssCode.LENGTH,
                g -> GssCode.parse(g)
                        .filter(ConsultationResource::localArea)
                        .map(GssCode::code)
                        .orElse(null),
                "a GSS code such as E07000082");
        List<Result> results = new ArrayList<>();
        List<ResultRequest> given = body.results() == null ? List.of() : body.results();
        v.require(
                !given.isEmpty() && given.size() <= MAX_QUESTIONS,
                "results",
                "must list 1 to " + MAX_QUESTIONS + " results");
        for (int i = 0; i < given.size() && i < MAX_QUESTIONS; i++) {
            ResultRequest r = given.get(i);
            String at = "results[" + i + "]";
            if (r == null) {
                v.require(false, at, "must be an object");
                continue;
            }
            v.require(
                    r.question() != null && CODE.matcher(r.question()).matches(),
                    at + ".question",
                    "must be a question code");
            v.require(
                    r.indicator() == null
                            || (r.indicator().length() <= MAX_INDICATOR
                                    && INDICATOR.matcher(r.indicator()).matches()),
                    at + ".indicator",
                    "must be an indicator code of at most " + MAX_INDICATOR + " characters");
            v.require(
                    r.percentage() != null && r.percentage() >= 0 && r.percentage() <= 100,
                    at + ".percentage",
                    "must be from 0 to 100");
            v.require(
                    r.sampleSize() != null && r.sampleSize() >= 1 && r.sampleSize() <= MAX_SAMPLE_SIZE,
                    at + ".sampleSize",
                    "must be the number of respondents (at least 1)");
            results.add(new Result(
                    r.question(),
                    r.indicator(),
                    r.percentage() == null ? 0 : r.percentage(),
                    r.sampleSize() == null ? 0 : r.sampleSize()));
        }
        v.throwIfInvalid();
        long version = ETags.requireIfMatch(ifMatch);
        return step(partnership, new PublishResults(id, publishedOn, period, geography, List.copyOf(results)), version);
    }

    private Uni<Response> step(String partnership, ConsultationCommand command, long version) {
        return consultations
                .handle(call.partnership(partnership), command, version, call.actor())
                .map(outcome -> respond(outcome.state(), outcome.version()));
    }

    private static Response respond(Consultation state, long version) {
        return Response.ok(ConsultationView.of(state, version))
                .tag(Long.toString(version))
                .build();
    }

    /** A parish, ward, district or county of England: what a consultation's results can be for. */
    private static boolean localArea(GssCode code) {
        return code.isParish() || code.isWard() || code.isDistrict() || code.isCounty();
    }

    /** "2024/25" (a financial year) or a financial quarter label, normalised. */
    private static String period(String text) {
        if (text.matches("20\\d{2}/\\d{2}")
                && (Integer.parseInt(text.substring(0, 4)) + 1) % 100 == Integer.parseInt(text.substring(5))) {
            return text;
        }
        return FinancialQuarter.parse(text).map(FinancialQuarter::label).orElse(null);
    }

    private static LocalDate date(Validation v, String text, String field, String expected) {
        return v.parse(text, field, UkCalendar.DATE_LENGTH, LocalDate::parse, expected);
    }
}
