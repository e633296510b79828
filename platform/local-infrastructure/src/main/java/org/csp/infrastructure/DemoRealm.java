package org.csp.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local demo realm file ({@code deploy/keycloak/csp-realm.json}) as the launcher and the tests read it: which
 * users and machine clients can log in, and with which credentials. The file is the only place that holds them.
 */
public final class DemoRealm {

    private final Map<String, String> userCredentials;
    private final Map<String, String> clientCredentials;

    private DemoRealm(Map<String, String> userCredentials, Map<String, String> clientCredentials) {
        this.userCredentials = userCredentials;
        this.clientCredentials = clientCredentials;
    }

    public static DemoRealm read(Path realmFile) {
        try {
            JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
            Map<String, String> users = new HashMap<>();
            for (JsonNode user : realm.path("users")) {
                for (JsonNode credential : user.path("credentials")) {
                    if (credential.path("type").asText().equals("password")) {
                        users.put(
                                user.path("username").asText(),
                                credential.path("value").asText());
                    }
                }
            }
            Map<String, String> clients = new HashMap<>();
            for (JsonNode client : realm.path("clients")) {
                // a machine client: a confidential client with a service account (csp-web, for people, has none)
                if (client.hasNonNull("secret")
                        && client.path("serviceAccountsEnabled").asBoolean()) {
                    clients.put(
                            client.path("clientId").asText(),
                            client.path("secret").asText());
                }
            }
            return new DemoRealm(Map.copyOf(users), Map.copyOf(clients));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
    }

    /** The demo users' names, in alphabetical order. */
    public List<String> users() {
        return userCredentials.keySet().stream().sorted().toList();
    }

    /** The confidential (machine) clients' ids, in alphabetical order. */
    public List<String> clients() {
        return clientCredentials.keySet().stream().sorted().toList();
    }

    /** The login form fields of a demo user, for the password grant through the public client {@code csp-cli}. */
    Map<String, String> userLogin(String user) {
        String credential = userCredentials.get(user);
        if (credential == null) {
            throw new IllegalArgumentException(
                    "No demo user '" + user + "' in the realm file; there are " + userCredentials.keySet());
        }
        return Map.of("grant_type", "password", "client_id", "csp-cli", "username", user, "password", credential);
    }

    /** The form fields of a confidential (machine) client, for the client-credentials grant. */
    Map<String, String> clientLogin(String clientId) {
        String credential = clientCredentials.get(clientId);
        if (credential == null) {
            throw new IllegalArgumentException("No confidential client '" + clientId + "' in the realm file; there are "
                    + clientCredentials.keySet());
        }
        return Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", credential);
    }
}
