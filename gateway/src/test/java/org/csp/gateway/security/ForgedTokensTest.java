package org.csp.gateway.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.csp.gateway.routing.StubServices;
import org.csp.gateway.routing.StubbedRoutes;
import org.csp.infrastructure.KeycloakAdmin;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged and misplaced tokens at the gateway, each refused with a 401 problem (a token with no role for the route: a
 * 403 problem) and none reaching a service: the stand-in services count what they receive. To test each check on
 * its own, the test adds a key of its own to the realm (through Keycloak's admin API, at a lower priority than the
 * realm's signing key) and signs the claims of a real token with it, changing one thing at a time; a token that
 * changes nothing is accepted, which also shows that a key the realm adds after the gateway started is fetched when a
 * token names it. Another realm on the same Keycloak issues a real token for the last case.
 */
@QuarkusTest
@TestProfile(StubbedRoutes.class)
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ForgedTokensTest {

    private static final String ROUTE = "/api/initiatives?partnership=stroud";

    private static KeyPair realmKey;
    private static String realmKid;
    private static RsaJsonWebKey realmSigningKey;
    private static String otherRealmToken;

    @Inject
    VerifiedTokens verifiedTokens;

    @BeforeAll
    static void addAKeyToTheRealmAndASecondRealm() throws Exception {
        String realmUrl = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        KeycloakAdmin admin = KeycloakAdmin.of(realmUrl);
        realmKey = rsaKeyPair();
        admin.post("/csp/components", """
                {"name": "forged-tokens-test", "providerId": "rsa", "providerType": "org.keycloak.keys.KeyProvider",
                 "config": {"privateKey": ["%s"], "priority": ["1"], "enabled": ["true"], "active": ["true"],
                            "algorithm": ["RS256"]}}""".formatted(
                        Base64.getEncoder().encodeToString(realmKey.getPrivate().getEncoded())));
        for (JsonWebKey key : new JsonWebKeySet(Api.utf8()
                        .get(realmUrl + "/protocol/openid-connect/certs")
                        .asString())
                .getJsonWebKeys()) {
            if (!(key instanceof RsaJsonWebKey rsa) || !"sig".equals(key.getUse())) {
                continue;
            }
            if (rsa.getRsaPublicKey().getModulus().equals(((RSAPublicKey) realmKey.getPublic()).getModulus())) {
                realmKid = rsa.getKeyId();
            } else if (AlgorithmIdentifiers.RSA_USING_SHA256.equals(rsa.getAlgorithm())) {
                realmSigningKey = rsa;
            }
        }
        admin.post("", """
                {"realm": "elsewhere", "enabled": true, "sslRequired": "none",
                 "roles": {"realm": [{"name": "coordinator"}]},
                 "users": [{"username": "intruder", "enabled": true, "email": "intruder@example.org",
                            "emailVerified": true, "firstName": "In", "lastName": "Truder",
                            "credentials": [{"type": "password", "value": "intruder", "temporary": false}],
                            "realmRoles": ["coordinator"]}],
                 "clients": [{"clientId": "csp-cli", "publicClient": true, "directAccessGrantsEnabled": true,
                              "standardFlowEnabled": false,
                              "protocolMappers": [{"name": "audience csp-api", "protocol": "openid-connect",
                                                   "protocolMapper": "oidc-audience-mapper",
                                                   "config": {"included.custom.audience": "csp-api",
                                                              "access.token.claim": "true"}}]}]}""");
        otherRealmToken = admin.token(
                "elsewhere",
                Map.of(
                        "grant_type", "password",
                        "client_id", "csp-cli",
                        "username", "intruder",
                        "password", "intruder"));
    }

    private static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The claims of a real coordinator's token of the realm, changed by {@code change}. */
    private static JwtClaims coordinator(Consumer<JwtClaims> change) {
        JwtClaims claims = ForgedTokens.claimsOf(Tokens.user("coordinator"));
        change.accept(claims);
        return claims;
    }

    /** Signed RS256 with the key the test added to the realm. */
    private static String realmSigned(JwtClaims claims) {
        return ForgedTokens.signed(claims, AlgorithmIdentifiers.RSA_USING_SHA256, realmKey.getPrivate(), realmKid);
    }

    private static ValidatableResponse get(String token, String pathAndQuery) {
        return Api.utf8().auth().oauth2(token).when().get(pathAndQuery).then();
    }

    /** {@code request} (which asserts its refusal) reaches no service. */
    private static void refusedBeforeAnyService(String what, Runnable request) {
        long before = StubServices.received();
        try {
            request.run();
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
        assertEquals(before, StubServices.received(), what + ": no request reached a service");
    }

    private static void assertUnauthorized(String what, String token) {
        refusedBeforeAnyService(
                what,
                () -> get(token, ROUTE)
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("type", equalTo("urn:csp:problem:unauthorized"))
                        .body("status", equalTo(401)));
    }

    @Test
    void aTokenSignedByAKeyTheRealmAddedIsFetchedAndAccepted() {
        long before = StubServices.received();
        get(realmSigned(coordinator(claims -> {})), ROUTE).statusCode(200).body("service", equalTo("plan"));
        assertEquals(before + 1, StubServices.received(), "the unchanged token reaches the service");
    }

    @Test
    void aTokenThatFailsAnyCheckIsRefusedAndReachesNoService() {
        // a realm key is known before the cases below (the first test may not have run yet)
        get(realmSigned(coordinator(claims -> {})), ROUTE).statusCode(200);
        long now = NumericDate.now().getValue();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg=none", ForgedTokens.unsigned(coordinator(claims -> {})));
        forged.put(
                "HS256 with the realm's public key as the secret",
                ForgedTokens.hs256(
                        coordinator(claims -> {}), pem(realmSigningKey.getPublicKey()), realmSigningKey.getKeyId()));
        forged.put(
                "a real token with changed claims (bad signature)",
                ForgedTokens.tampered(
                        Tokens.user("coordinator"),
                        coordinator(claims -> claims.setClaim("partnership", "cheltenham"))));
        forged.put("expired", realmSigned(coordinator(claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(now - 1200));
            claims.setExpirationTime(NumericDate.fromSeconds(now - 300));
        })));
        forged.put(
                "not yet valid (nbf)",
                realmSigned(coordinator(claims -> claims.setNotBefore(NumericDate.fromSeconds(now + 600)))));
        forged.put(
                "another issuer",
                realmSigned(coordinator(claims ->
                        claims.setIssuer(claims.getClaimValueAsString("iss").replace("/csp", "/elsewhere")))));
        forged.put("another audience", realmSigned(coordinator(claims -> claims.setAudience("another-api"))));
        forged.put("no audience", realmSigned(coordinator(claims -> claims.unsetClaim("aud"))));
        forged.put(
                "RS512 with a realm key (RS256 only)",
                ForgedTokens.signed(
                        coordinator(claims -> {}),
                        AlgorithmIdentifiers.RSA_USING_SHA512,
                        realmKey.getPrivate(),
                        realmKid));
        forged.put(
                "a key the realm does not have (unknown kid)",
                ForgedTokens.signed(
                        coordinator(claims -> {}),
                        AlgorithmIdentifiers.RSA_USING_SHA256,
                        unchecked(ForgedTokensTest::rsaKeyPair).getPrivate(),
                        "not-a-key-of-the-realm"));
        forged.put("another realm's real token", otherRealmToken);
        forged.forEach(ForgedTokensTest::assertUnauthorized);
    }

    @Test
    void aTokenInTheQueryStringAuthenticatesNothing() {
        refusedBeforeAnyService(
                "?access_token=",
                () -> Api.utf8()
                        .when()
                        .get(ROUTE + "&access_token=" + Tokens.user("coordinator"))
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:csp:problem:unauthorized")));
    }

    /** A valid token with none of the platform's roles, or without the administrator's on the admin routes. */
    @Test
    void aTokenWithoutARoleForTheRouteIsForbiddenAtTheGateway() {
        String noRole = realmSigned(coordinator(claims -> claims.unsetClaim("realm_access")));
        get(realmSigned(coordinator(claims -> {})), ROUTE).statusCode(200);
        for (String[] request : new String[][] {
            {noRole, ROUTE},
            {noRole, "/api/data-points/latest?partnership=stroud"},
            {Tokens.user("coordinator"), "/api/admin/relay/plan/refused"},
            {Tokens.user("coordinator"), "/api/admin/projections/derived/status"},
            {Tokens.client("police-gloucestershire"), "/api/admin/projections/registry/gaps"}
        }) {
            refusedBeforeAnyService(
                    request[1],
                    () -> get(request[0], request[1])
                            .statusCode(403)
                            .contentType("application/problem+json")
                            .body("type", equalTo("urn:csp:problem:forbidden")));
        }
    }

    /**
     * A person reaches their own partnership only, a machine client those it serves, whatever route and however often
     * the request names one: refused by the gateway (403 other-partnership).
     */
    @Test
    void anotherPartnershipNamedInTheRequestIsForbiddenAtTheGateway() {
        for (String[] request : new String[][] {
            {Tokens.user("coordinator"), "/api/initiatives?partnership=cheltenham"},
            {Tokens.user("viewer"), "/api/engagements?partnership=cotswold"},
            {Tokens.user("coordinator"), "/api/initiatives?partnership=stroud&partnership=cheltenham"},
            {Tokens.user("cheltenham-coordinator"), "/api/indicators?partnership=stroud"},
            {
                Tokens.client("stroud-district-council"),
                "/api/indicators/ASB-INCIDENTS/data-points?partnership=cheltenham"
            },
            {Tokens.client("police-gloucestershire"), "/api/data-points/latest?partnership=bristol"}
        }) {
            refusedBeforeAnyService(
                    request[1],
                    () -> get(request[0], request[1])
                            .statusCode(403)
                            .contentType("application/problem+json")
                            .body("type", equalTo("urn:csp:problem:other-partnership")));
        }
        get(Tokens.client("police-gloucestershire"), "/api/data-points/latest?partnership=cheltenham")
                .statusCode(200);
        get(Tokens.user("cheltenham-coordinator"), "/api/indicators?partnership=cheltenham")
                .statusCode(200);
    }

    /**
     * A token the gateway accepted is checked once, then answered from {@link VerifiedTokens}, and only while it is
     * valid: once its {@code exp} has passed, it is refused like any expired token, before any service.
     */
    @Test
    void anAcceptedTokenIsCheckedOnceAndRefusedOnceItHasExpired() throws InterruptedException {
        long expires = NumericDate.now().getValue() + 3;
        String token = realmSigned(coordinator(claims -> claims.setExpirationTime(NumericDate.fromSeconds(expires))));
        long checks = verifiedTokens.checks();
        long received = StubServices.received();
        for (int i = 0; i < 10; i++) {
            get(token, ROUTE).statusCode(200);
        }
        assertEquals(1, verifiedTokens.checks() - checks, "checked by OIDC once, then remembered");
        assertEquals(received + 10, StubServices.received(), "every request reached the service");
        while (NumericDate.now().getValue() < expires) {
            Thread.sleep(100);
        }
        assertUnauthorized("the remembered token once expired", token);
        assertUnauthorized("the remembered token once expired, again", token);
    }

    private static byte[] pem(PublicKey key) {
        return ("-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(key.getEncoded())
                        + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private interface Step<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Step<T> step) {
        try {
            return step.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
