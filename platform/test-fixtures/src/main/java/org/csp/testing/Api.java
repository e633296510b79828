package org.csp.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;

/**
 * The service under test called with a bearer token, as the API tests call it: {@code Api.post(token, path, json)}
 * and friends send the request and hand back the response to assert on ({@code .statusCode(201).body(…)}). For a
 * request with more to it (headers, a query), {@code Api.as(token)} is the authorised request to build on.
 */
public final class Api {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private Api() {}

    /** An authorised request, for what the shortcuts below do not cover. */
    public static RequestSpecification as(String token) {
        return utf8().auth().oauth2(token);
    }

    /**
     * A request whose text body goes as UTF-8 and says so, whatever its media type: the API refuses any other charset
     * (415), and rest-assured's own default for types it does not know (merge patches, CSV) is ISO-8859-1.
     */
    public static RequestSpecification utf8() {
        return given().config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)));
    }

    /** An authorised request carrying {@code json} as its body. */
    public static RequestSpecification json(String token, String json) {
        return as(token).contentType(ContentType.JSON).body(json);
    }

    public static ValidatableResponse get(String token, String path) {
        return as(token).when().get(path).then();
    }

    public static ValidatableResponse delete(String token, String path) {
        return as(token).when().delete(path).then();
    }

    /** A POST without a body: an action the path alone names. */
    public static ValidatableResponse post(String token, String path) {
        return as(token).when().post(path).then();
    }

    public static ValidatableResponse post(String token, String path, String json) {
        return json(token, json).when().post(path).then();
    }

    public static ValidatableResponse put(String token, String path, String json) {
        return json(token, json).when().put(path).then();
    }

    public static ValidatableResponse patch(String token, String path, String json) {
        return json(token, json).when().patch(path).then();
    }

    /** A conditional write: {@code json} posted with {@code If-Match: etag}, the version it was decided on. */
    public static ValidatableResponse postIfMatch(String token, String path, String json, String etag) {
        return json(token, json).header("If-Match", etag).when().post(path).then();
    }

    /** A conditional replacement: {@code json} put with {@code If-Match: etag}. */
    public static ValidatableResponse putIfMatch(String token, String path, String json, String etag) {
        return json(token, json).header("If-Match", etag).when().put(path).then();
    }

    /** A JSON merge patch (RFC 7396) of the version {@code etag} names. */
    public static ValidatableResponse mergePatch(String token, String path, String json, String etag) {
        return as(token)
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(json)
                .when()
                .patch(path)
                .then();
    }
}
