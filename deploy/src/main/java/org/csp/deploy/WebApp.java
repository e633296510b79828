package org.csp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.csp.infrastructure.KeycloakAdmin;

/**
 * What the launcher gives the web frontend ({@code web}): the gateway and the realm to use, and in its environment (not
 * on its command line, where any process can read it) the secret of the realm's client {@code csp-web} and a random key
 * for its sessions, new at each start (signed-in people sign in again after a restart).
 */
final class WebApp {

    static final String NAME = "web";
    static final String CLIENT_ID = "csp-web";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The port the realm file's {@code csp-web} client allows. */
    static final int REALM_PORT = 8084;

    private WebApp() {}

    static List<String> properties(String gatewayUrl, String realmUrl) {
        return List.of("-Dcsp.web.gateway-url=" + gatewayUrl, "-Dquarkus.oidc.auth-server-url=" + realmUrl);
    }

    /**
     * Lets {@code csp-web} sign people in to a web frontend on {@code port} too: the realm file allows port 8084 only,
     * and the tests start the stack on free ports. Keycloak redirects back to no address its client does not list.
     */
    static void allowPort(String realmUrl, int port) {
        String realm = realmUrl.substring(realmUrl.lastIndexOf('/') + 1);
        KeycloakAdmin admin = KeycloakAdmin.of(realmUrl);
        try {
            JsonNode found = JSON.readTree(admin.get("/" + realm + "/clients?clientId=" + CLIENT_ID));
            if (found.size() != 1) {
                throw new IllegalStateException("The realm " + realm + " has no client " + CLIENT_ID);
            }
            ObjectNode client = (ObjectNode) found.get(0);
            List<String> origins = List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
            ArrayNode redirects = client.withArray("redirectUris");
            ArrayNode webOrigins = client.withArray("webOrigins");
            origins.forEach(origin -> {
                redirects.add(origin + "/*");
                webOrigins.add(origin);
            });
            ObjectNode attributes = client.with("attributes");
            List<String> logout = new ArrayList<>();
            String listed = attributes.path("post.logout.redirect.uris").asText("");
            if (!listed.isEmpty()) {
                logout.add(listed);
            }
            origins.forEach(origin -> logout.add(origin + "/*"));
            attributes.put("post.logout.redirect.uris", String.join("##", logout));
            admin.put("/" + realm + "/clients/" + client.path("id").asText(), JSON.writeValueAsString(client));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client secret of {@code csp-web} as the local demo realm file holds it, and a new key for the sessions. */
    static Map<String, String> environment(Path realmFile) {
        try {
            for (JsonNode client :
                    new ObjectMapper().readTree(realmFile.toFile()).path("clients")) {
                if (client.path("clientId").asText().equals(CLIENT_ID)) {
                    return Map.of(
                            "QUARKUS_OIDC_CREDENTIALS_SECRET",
                            client.path("secret").asText(),
                            "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                            sessionKey());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
        throw new IllegalStateException("The realm file " + realmFile + " has no client " + CLIENT_ID);
    }

    private static String sessionKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
