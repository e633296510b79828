package org.csp.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.csp.problem.ProblemException;
import org.csp.problem.TextRules;

/**
 * A JSON or text body is UTF-8 and free of Unicode noncharacters, or it is a 400 before any endpoint reads it
 * (Jackson takes some malformed UTF-8, such as overlong forms, without a word). The body is already in memory, held
 * to the service's body limit.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && textual(type)) {
            byte[] body = context.getInputStream().readAllBytes();
            String unreadable = TextRules.unreadableUtf8(body);
            if (unreadable != null) {
                throw new ProblemException(
                        400,
                        "malformed-body",
                        "The request body is malformed",
                        "The body holds " + unreadable + "; send UTF-8 text.");
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static boolean textual(MediaType type) {
        return type.getType().equals("text")
                || (type.getType().equals("application")
                        && (type.getSubtype().equals("json")
                                || type.getSubtype().endsWith("+json")));
    }
}
