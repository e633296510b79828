package org.csp.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Keycloak's admin REST API on the local Keycloak, as its administrator ({@link LocalKeycloak#ADMIN_USER}): for tests
 * that need what no demo login gives, such as a key of their own in the realm or a second realm.
 */
public final class KeycloakAdmin {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private KeycloakAdmin(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Logs in to the Keycloak that serves {@code realmUrl} ({@code http://127.0.0.1:<port>/realms/<realm>}). */
    public static KeycloakAdmin of(String realmUrl) {
        String base = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String token = LocalKeycloak.token(
                base + "/realms/master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        LocalKeycloak.ADMIN_USER,
                        "password",
                        LocalKeycloak.adminPassword(base)));
        return new KeycloakAdmin(base, token);
    }

    /** {@code GET /admin/realms/…}: the answer's body, failing on any status but 200. */
    public String get(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(base + "/admin/realms" + path))
                        .GET(),
                200);
    }

    /** {@code POST /admin/realms/…} with a JSON body, failing on any status but 201 or 204. */
    public void post(String path, String json) {
        write("POST", path, json, 201);
    }

    /** {@code PUT /admin/realms/…} with a JSON body (a whole representation, as Keycloak replaces it), expecting 204. */
    public void put(String path, String json) {
        write("PUT", path, json, 204);
    }

    private void write(String method, String path, String json, int expected) {
        send(
                HttpRequest.newBuilder(URI.create(base + "/admin/realms" + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)),
                expected);
    }

    /** The URL of a realm of this Keycloak. */
    public String realmUrl(String realm) {
        return base + "/realms/" + realm;
    }

    /** A token from a realm of this Keycloak, with the given form fields (a grant). */
    public String token(String realm, Map<String, String> form) {
        return LocalKeycloak.token(realmUrl(realm), form);
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(
                    request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected && !(expected == 201 && response.statusCode() == 204)) {
                throw new IllegalStateException(
                        "Keycloak's admin API answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
