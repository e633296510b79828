package org.csp.infrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real tokens from the test run's Keycloak, for test code, with the credentials of the demo realm file. A token is
 * reused for a minute (the realm issues them for 15), so a test class does not ask Keycloak once per request.
 */
public final class Tokens {

    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final Map<String, Issued> ISSUED = new ConcurrentHashMap<>();
    private static volatile DemoRealm realm;

    private record Issued(String token, long until) {}

    private Tokens() {}

    /** A demo user's token (password grant through the public client csp-cli). */
    public static String user(String name) {
        return issued("user:" + name, () -> demoRealm().userLogin(name));
    }

    /** A machine client's token (client-credentials grant). */
    public static String client(String clientId) {
        return issued("client:" + clientId, () -> demoRealm().clientLogin(clientId));
    }

    private static String issued(String key, Supplier<Map<String, String>> login) {
        long now = System.nanoTime();
        Issued issued = ISSUED.get(key);
        if (issued == null || now > issued.until()) {
            issued = new Issued(LocalKeycloak.token(realmUrl(), login.get()), now + REUSE.toNanos());
            ISSUED.put(key, issued);
        }
        return issued.token();
    }

    private static DemoRealm demoRealm() {
        if (realm == null) {
            realm = DemoRealm.read(RepoRoot.realmFile());
        }
        return realm;
    }

    private static String realmUrl() {
        String url = System.getProperty(TestInfrastructure.REALM_URL);
        return url != null ? url : ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }
}
