package org.csp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the launcher gives the web frontend ({@code web}): the gateway and the realm to use, and in its environment (not
 * on its command line, where any process can read it) the secret of the realm's client {@code csp-web} and a random key
 * for its sessions, new at each start (signed-in people sign in again after a restart).
 */
final class WebApp {

    static final String NAME = "web";
    static final String CLIENT_ID = "csp-web";

    private WebApp() {}

    static List<String> properties(String gatewayUrl, String realmUrl) {
        return List.of("-Dcsp.web.gateway-url=" + gatewayUrl, "-Dquarkus.oidc.auth-server-url=" + realmUrl);
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
