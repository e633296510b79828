package org.csp.infrastructure;

import java.util.Map;

/** Real tokens from the test run's Keycloak, for test code. */
public final class Tokens {

    private Tokens() {
    }

    /** A demo user's token (password = user name) through the public client csp-cli. */
    public static String password(String user) {
        return LocalKeycloak.token(realmUrl(), Map.of("grant_type", "password", "client_id", "csp-cli",
                "username", user, "password", user));
    }

    /** A machine client's token (secret = client id + "-secret"). */
    public static String client(String clientId) {
        return LocalKeycloak.token(realmUrl(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    private static String realmUrl() {
        String url = System.getProperty("csp.test.realm-url");
        if (url == null) {
            url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        }
        return url;
    }
}
