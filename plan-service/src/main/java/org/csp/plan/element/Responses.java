package org.csp.plan.element;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.csp.problem.ProblemException;

/** The HTTP shapes every aggregate of the plan service answers with. */
public final class Responses {

    private Responses() {
    }

    /** 200 with the aggregate's version as its ETag. */
    public static Response ok(Object view, long version) {
        return Response.ok(view).tag(Long.toString(version)).build();
    }

    /**
     * 201 with where the new aggregate lives (a path, as the gateway serves it: a client never sees a service's own
     * address) and its ETag.
     */
    public static Response created(String location, Object view, long version) {
        return Response.status(Response.Status.CREATED).header("Location", location).entity(view).tag(Long.toString(version)).build();
    }

    /** A request body as a JSON tree, read with the API's strict rules (duplicate keys, trailing data). */
    public static JsonNode tree(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(400, "malformed-body", "The request body is missing", "Send a JSON object as the request body.");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "malformed-body", "The request body is malformed", "The body is not valid JSON"
                    + (e.getLocation() == null ? "." : " (line %d, column %d).".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr())));
        } catch (java.io.IOException e) {
            throw new ProblemException(400, "malformed-body", "The request body is malformed", "The body could not be read.");
        }
    }
}
