package org.csp.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csp.deploy.MarkedExamples;
import org.csp.infrastructure.KeycloakAdmin;
import org.csp.infrastructure.LocalKeycloak;
import org.csp.infrastructure.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production realm template ({@code deploy/kubernetes/base/keycloak/realm-import.yaml}): valid, strictly, against
 * the Keycloak Operator's schema; no people and no secrets, partners authenticated by key; the same roles, groups and
 * claims as the demo realm the services are tested with; and imported, with its placeholders filled, into the real
 * Keycloak server the project runs, with no error.
 */
class ProductionRealmTest {

    static final Path REPO = RepoRoot.find();
    static final Path REALM_IMPORT = REPO.resolve("deploy/kubernetes/base/keycloak/realm-import.yaml");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> PARTNERS =
            Set.of("police-gloucestershire", "stroud-district-council", "safer-gloucestershire");

    static CrdSchemas crds() {
        Path crds = REPO.resolveSibling("shared").resolve("k8s-crds");
        assertTrue(Files.isDirectory(crds), "the operators' CRDs are read from " + crds);
        return CrdSchemas.read(crds);
    }

    static JsonNode realmImport() {
        List<JsonNode> documents = CrdSchemas.documents(REALM_IMPORT);
        assertEquals(1, documents.size());
        return documents.getFirst();
    }

    static JsonNode demoRealm() throws Exception {
        return CrdSchemas.YAML.readTree(Files.readString(RepoRoot.realmFile()));
    }

    @Test
    void theRealmImportIsValidStrictlyAgainstTheOperatorsSchema() {
        CrdSchemas crds = crds();
        JsonNode realmImport = realmImport();
        assertEquals(List.of(), crds.problems(realmImport));

        ObjectNode misspelt = realmImport.deepCopy();
        ((ObjectNode) misspelt.path("spec").path("realm")).put("bruteForceProtexted", true);
        ((ObjectNode) misspelt.path("spec").path("realm")).put("failureFactor", "five");
        assertEquals(
                List.of(
                        "spec.realm.failureFactor: must be an integer",
                        "spec.realm.bruteForceProtexted: unknown field"),
                crds.problems(misspelt),
                "the check refuses an unknown field and a wrong type");
    }

    @Test
    void theProductionRealmHoldsNoPeopleAndNoSecretsAndPartnersSignWithKeys() {
        JsonNode realm = realmImport().path("spec").path("realm");
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "only partners' service accounts: " + user);
            assertFalse(user.has("credentials"), user.toString());
        }
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertTrue(realm.path("passwordPolicy").asText().contains("length(12)"));
        assertEquals("external", realm.path("sslRequired").asText());
        Set<String> clients = new TreeSet<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            clients.add(id);
            if (client.has("secret")) {
                assertTrue(PLACEHOLDER.matcher(client.get("secret").asText()).matches(), id + "'s secret is not here");
            }
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + ": no password grant");
            if (PARTNERS.contains(id)) {
                assertEquals(
                        "client-jwt", client.path("clientAuthenticatorType").asText(), id);
                assertTrue(
                        PLACEHOLDER
                                .matcher(client.path("attributes")
                                        .path("jwks.url")
                                        .asText())
                                .matches(),
                        id + "'s keys at its own JWKS address");
            }
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "csp-api",
                        "csp-web",
                        "police-gloucestershire",
                        "safer-gloucestershire",
                        "stroud-district-council")),
                clients,
                "no command-line client with passwords in production");
        Set<String> used = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(realm.toString());
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }
        Set<String> given = new TreeSet<>();
        realmImport().path("spec").path("placeholders").fieldNames().forEachRemaining(given::add);
        assertEquals(used, given, "each placeholder of the realm is filled from the import's Secret");
        JsonNode web = client(realm, "csp-web");
        assertEquals(
                "S256",
                web.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(web.path("standardFlowEnabled").asBoolean());
        assertFalse(web.path("implicitFlowEnabled").asBoolean());
    }

    /** The services read these roles, groups and claims: the production realm must give them as the demo realm does. */
    @Test
    void theRolesGroupsAndClaimsAreTheDemoRealms() throws Exception {
        JsonNode realm = realmImport().path("spec").path("realm");
        JsonNode demo = demoRealm();
        assertEquals(demo.path("roles"), realm.path("roles"));
        for (String id :
                List.of("csp-web", "police-gloucestershire", "stroud-district-council", "safer-gloucestershire")) {
            assertEquals(mappers(client(demo, id)), mappers(client(realm, id)), id + "'s claims");
        }
        for (JsonNode group : realm.path("groups")) {
            JsonNode demoGroup = null;
            for (JsonNode g : demo.path("groups")) {
                if (g.path("name").equals(group.path("name"))) {
                    demoGroup = g;
                }
            }
            assertTrue(demoGroup != null, group.path("name") + " is a group of the demo realm");
            assertEquals(
                    demoGroup.path("attributes"),
                    group.path("attributes"),
                    group.path("name").asText());
        }
        assertEquals(demo.path("groups").size(), realm.path("groups").size());
    }

    /**
     * Imported through Keycloak's admin API (as the operator's import does), placeholders filled as it fills them; the
     * police's JWKS address is a server of this test's, publishing the public half of a key it makes, with which the
     * partner API guide's recipe (docs/partner-api.md), run as written, signs its way to a token.
     */
    @Test
    void theProductionRealmImportsIntoKeycloak(@TempDir Path data) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path privateKey = data.resolve("police-private-key.pem");
        Files.writeString(
                privateKey,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                .encodeToString(key.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        HttpServer jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            byte[] body = jwks((RSAPublicKey) key.getPublic(), GUIDE_KID).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksServer.start();
        String policeJwks = "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks";
        Map<String, String> values = Map.of(
                "CSP_WEB_URL", "https://csp.example.org",
                "CSP_WEB_CLIENT_SECRET", "a-secret-from-a-kubernetes-secret",
                "POLICE_GLOUCESTERSHIRE_JWKS_URL", policeJwks,
                "STROUD_DISTRICT_COUNCIL_JWKS_URL", "https://stroud.example.org/jwks",
                "SAFER_GLOUCESTERSHIRE_JWKS_URL", "https://safer.example.org/jwks");
        String json = filled(JSON.writeValueAsString(realmImport().path("spec").path("realm")), values);
        ObjectNode production = (ObjectNode) JSON.readTree(json);
        production.put("realm", "csp-production"); // beside the demo realm csp of the same server
        try (LocalKeycloak keycloak = LocalKeycloak.start(data, 0, 0, RepoRoot.realmFile())) {
            KeycloakAdmin admin = KeycloakAdmin.of(keycloak.realmUrl());
            admin.post("", production.toString());
            JsonNode imported = JSON.readTree(admin.get("/csp-production"));
            assertTrue(imported.path("bruteForceProtected").asBoolean());
            JsonNode clients = JSON.readTree(admin.get("/csp-production/clients?clientId=police-gloucestershire"));
            assertEquals(
                    "client-jwt", clients.get(0).path("clientAuthenticatorType").asText());
            assertEquals(
                    policeJwks,
                    clients.get(0).path("attributes").path("jwks.url").asText());

            // a partner cannot get a token with a shared secret: only with a JWT signed by its own key
            String token = keycloak.realmUrl().replace("/realms/csp", "/realms/csp-production")
                    + "/protocol/openid-connect/token";
            HttpResponse<String> refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(token))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                                            + "&client_id=police-gloucestershire&client_secret="
                                            + URLEncoder.encode(
                                                    "police-gloucestershire-secret", StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(
                    refused.statusCode() == 400 || refused.statusCode() == 401,
                    refused.statusCode() + " " + refused.body());
            assertFalse(refused.body().contains("access_token"), refused.body());

            // the guide's recipe: a JWT signed with the partner's key, as its client assertion
            String recipe = MarkedExamples.block(
                            Files.readString(REPO.resolve("docs/partner-api.md")), GUIDE_MARKER, "docs/partner-api.md")
                    .replace(GUIDE_REALM, keycloak.realmUrl() + "-production")
                    .replace("private-key.pem", privateKey.toString());
            String answer = MarkedExamples.bash(recipe, "docs/partner-api.md");
            Matcher accessToken =
                    Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer);
            assertTrue(accessToken.find(), "the guide's client assertion got no token: " + answer);
            JsonNode claims = JSON.readTree(
                    Base64.getUrlDecoder().decode(accessToken.group(1).split("\\.")[1]));
            assertEquals("police-gloucestershire", claims.path("azp").asText(), claims.toString());
            assertEquals("gloucestershire-constabulary", claims.path("org").asText(), claims.toString());
            assertTrue(claims.path("aud").toString().contains("\"csp-api\""), claims.toString());
            assertTrue(claims.path("realm_access").path("roles").toString().contains("\"partner-agency\""));
        } finally {
            jwksServer.stop(0);
        }
    }

    /** The partner guide marks its client-assertion recipe with this comment, right before it. */
    static final String GUIDE_MARKER =
            "<!-- The example below is run by deploy/src/test/java/org/csp/deploy/kubernetes/ProductionRealmTest.java -->";

    /** The realm address and key id the guide's recipe names. */
    static final String GUIDE_REALM = "https://auth.csp.example.org/realms/csp";

    static final String GUIDE_KID = "police-2026-01";

    /** A JSON Web Key Set of one RSA public key, for signatures (RFC 7517). */
    static String jwks(RSAPublicKey key, String kid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return JSON.createObjectNode()
                .set(
                        "keys",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("kty", "RSA")
                                        .put("use", "sig")
                                        .put("alg", "RS256")
                                        .put("kid", kid)
                                        .put("n", b64.encodeToString(unsigned(key.getModulus())))
                                        .put("e", b64.encodeToString(unsigned(key.getPublicExponent())))))
                .toString();
    }

    /** A big integer's magnitude, without the sign byte Java puts in front of a high first bit. */
    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** The realm's text with every {@code ${NAME}} replaced by its value; a placeholder without one fails. */
    static String filled(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                missing.add(matcher.group(1));
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        assertEquals(List.of(), missing, "every placeholder is given in the import's spec.placeholders");
        return out.toString();
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /** A client's claim mappers without their ids. */
    static List<JsonNode> mappers(JsonNode client) {
        List<JsonNode> mappers = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            ObjectNode copy = mapper.deepCopy();
            copy.remove("id");
            mappers.add(copy);
        }
        return mappers;
    }
}
