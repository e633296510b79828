package org.csp.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.arc.Arc;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.ConcurrencyConflict;
import org.csp.problem.FieldViolation;
import org.csp.problem.Problem;
import org.csp.problem.ProblemException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: stable type, human detail, offending fields,
 * and never a stack trace, class name or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, UriInfo uri) {
        if (e.preconditionFailed()) {
            return respond(
                    412,
                    "precondition-failed",
                    "The resource has changed",
                    e.getMessage() + " Fetch it again and retry with its current ETag.",
                    uri,
                    List.of());
        }
        return respond(
                409,
                "concurrency-conflict",
                "The resource was changed by someone else",
                e.getMessage() + " Fetch it again and retry.",
                uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response rejected(CommandRejected e, UriInfo uri) {
        if (e.field() != null) {
            return problem(ProblemException.invalid(List.of(new FieldViolation(e.field(), e.getMessage()))), uri);
        }
        return respond(409, e.reason(), "The request conflicts with the current state", e.getMessage(), uri, List.of());
    }

    /**
     * No token, or one that is malformed, expired, signed by someone else or meant for another audience. Reaches
     * this mapper only because {@code /api/*} is checked at the JAX-RS layer (see the kernel's
     * {@code META-INF/microprofile-config.properties}); the {@code WWW-Authenticate} challenge is the one the OIDC
     * mechanism would have sent.
     */
    @ServerExceptionMapper({
        AuthenticationFailedException.class,
        UnauthorizedException.class,
        AuthenticationCompletionException.class
    })
    public Uni<Response> unauthorized(UriInfo uri) {
        RoutingContext context =
                Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        Problem problem = Unauthorized.problem(Unauthorized.tokenSent(context), uri == null ? null : uri.getPath());
        return Unauthorized.challenge(context).map(headers -> {
            Response.ResponseBuilder response =
                    Response.status(401).type(Problem.MEDIA_TYPE).entity(problem);
            headers.forEach(response::header);
            return response.build();
        });
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Not allowed", "Your role does not allow this request.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /** More specific than the built-in mapper of quarkus-rest-jackson, which answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe) {
                return malformed(jpe, uri);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request failed" : type.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 415 -> "Send the body as application/json.";
            default -> title + ".";
        };
        return respond(status, slug(title), title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected failure serving " + uri.getPath(), e);
        return respond(
                500,
                "internal-error",
                "Something went wrong",
                "The request failed unexpectedly; nothing was stored. The failure has been logged.",
                uri,
                List.of());
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        String detail;
        List<FieldViolation> violations = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            boolean unknown = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
            detail = unknown
                    ? "The field '" + field + "' is not part of this API."
                    : "The field '" + field + "' has a value of the wrong type.";
            violations = List.of(new FieldViolation(field, unknown ? "is unknown" : "has the wrong type"));
        } else if (e instanceof JsonParseException && e.getLocation() != null) {
            detail = "The body is not valid JSON (line %d, column %d)."
                    .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } else if (e instanceof JsonParseException) {
            detail = "The body is not valid JSON.";
        } else {
            detail = "The body must be a JSON object with the documented fields.";
        }
        return respond(400, "malformed-body", "The request body is malformed", detail, uri, violations);
    }

    static Response respond(
            int status, String slug, String title, String detail, UriInfo uri, List<FieldViolation> violations) {
        Problem body = new Problem(
                Problem.typeUri(slug), title, status, detail, uri == null ? null : uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
