package org.csp.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A request without a valid bearer token (none, one that is not a token, one with a forged signature) is refused
 * with a 401 {@code application/problem+json} that keeps the {@code WWW-Authenticate} challenge and names nothing
 * of the server's insides.
 */
public final class Unauthorized {

    private static final String[] NO_OR_BAD_TOKENS = {null, "not-a-token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"};

    private Unauthorized() {}

    public static void assertRefused(String method, String path) {
        assertRefused(method, path, null);
    }

    /** {@code jsonBody} is sent as it would be with a token, so that the refusal cannot come from the body. */
    public static void assertRefused(String method, String path, String jsonBody) {
        for (String token : NO_OR_BAD_TOKENS) {
            RequestSpecification request = Api.utf8();
            if (jsonBody != null) {
                request.contentType(ContentType.JSON).body(jsonBody);
            }
            if (token != null) {
                request.auth().oauth2(token);
            }
            request.when()
                    .request(method, path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:csp:problem:unauthorized"))
                    .body("status", equalTo(401))
                    .body("title", equalTo("Authentication required"))
                    .body("instance", equalTo(path.contains("?") ? path.substring(0, path.indexOf('?')) : path))
                    .body(not(containsString("Exception")));
        }
    }
}
