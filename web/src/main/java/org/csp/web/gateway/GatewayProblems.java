package org.csp.web.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every answer of the gateway from 400 up into a {@link GatewayProblem}, reading its problem body if any. */
public class GatewayProblems implements ResponseExceptionMapper<GatewayProblem> {

    /** The fields of a problem the pages use; the gateway's {@code type}, {@code instance} and the rest are left. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProblemBody(String title, String detail) {}

    @Override
    public GatewayProblem toThrowable(Response response) {
        ProblemBody body = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                body = response.readEntity(ProblemBody.class);
            } catch (RuntimeException unreadable) {
                // a body that is not a problem: the status alone says what happened
            }
        }
        return body == null
                ? new GatewayProblem(response.getStatus(), null, null)
                : new GatewayProblem(response.getStatus(), body.title(), body.detail());
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
