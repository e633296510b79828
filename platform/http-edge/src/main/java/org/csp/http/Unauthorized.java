package org.csp.http;

import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.problem.Problem;

/**
 * The 401 problem for a request with no valid bearer token, whether JAX-RS answers it ({@link ProblemMappers}) or a
 * Vert.x route (the gateway's forwarding): the same words, and the {@code WWW-Authenticate} challenge the OIDC
 * mechanism would have sent ({@code Bearer} when it has none).
 */
public final class Unauthorized {

    private Unauthorized() {}

    /** The problem for the request at {@code path}; {@code tokenSent} says whether it carried a token at all. */
    public static Problem problem(boolean tokenSent, String path) {
        String detail = tokenSent
                ? "The bearer token is not valid: it may be malformed, expired or issued for another audience. Get a new token from the csp realm."
                : "This request needs a bearer token from the csp realm (Authorization: Bearer …).";
        return new Problem(Problem.typeUri("unauthorized"), "Authentication required", 401, detail, path, List.of());
    }

    /** Whether the request carried an {@code Authorization} header. */
    public static boolean tokenSent(RoutingContext context) {
        return context != null && context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    /** The challenge's headers for this request. */
    public static Uni<Map<String, String>> challenge(RoutingContext context) {
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null
                ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context).onFailure().recoverWithNull();
        return challenge.map(data -> {
            Map<String, String> headers = new LinkedHashMap<>();
            if (data != null && !data.getHeaders().isEmpty()) {
                data.getHeaders().forEach((name, value) -> headers.put(name.toString(), value));
            } else {
                headers.put(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            return headers;
        });
    }
}
