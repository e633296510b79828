package org.csp.web.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The answers to a form's call that the form shows to the person ({@link FormRefused}: 400, 403, 409, 412, 413, 422); any other
 * refusal is a {@link GatewayProblem}, an error page. A REST client whose calls a form makes registers it.
 */
public class FormAnswers implements ResponseExceptionMapper<RuntimeException> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemBody(String title, String detail, List<FormRefused.FieldError> errors) {}

    static final List<Integer> SHOWN_ON_THE_FORM = List.of(400, 403, 409, 412, 413, 422);

    @Override
    public RuntimeException toThrowable(Response response) {
        ProblemBody body = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                body = response.readEntity(ProblemBody.class);
            } catch (RuntimeException unreadable) {
                // the status alone says what happened
            }
        }
        int status = response.getStatus();
        if (SHOWN_ON_THE_FORM.contains(status)) {
            return new FormRefused(status, body == null ? null : body.detail(), body == null ? null : body.errors());
        }
        return new GatewayProblem(status, body == null ? null : body.title(), body == null ? null : body.detail());
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
