package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.csp.infrastructure.RepoRoot;
import org.csp.partnership.PartnershipRegistry;
import org.csp.partnership.PartnershipRegistry.Partnership;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo realm agrees with the partnerships file: every partnership has its group (whose members carry its id as
 * their {@code partnership} claim) and a coordinator, and a machine client serves only partnerships the file holds.
 */
class DemoRealmPartnershipsTest {

    private static final PartnershipRegistry REGISTRY = PartnershipRegistry.load();
    private static JsonNode realm;

    @BeforeAll
    static void readRealm() throws IOException {
        realm = new ObjectMapper().readTree(RepoRoot.realmFile().toFile());
    }

    @Test
    void everyPartnershipHasItsGroupAndACoordinator() {
        List<String> missing = new ArrayList<>();
        for (Partnership p : REGISTRY.partnerships()) {
            boolean group = false;
            for (JsonNode g : realm.path("groups")) {
                group |= g.path("name").asText().equals(p.id())
                        && g.path("attributes")
                                .path("partnership")
                                .path(0)
                                .asText()
                                .equals(p.id());
            }
            if (!group) {
                missing.add("group /" + p.id() + " with partnership=" + p.id());
            }
            boolean coordinator = false;
            for (JsonNode u : realm.path("users")) {
                coordinator |= has(u.path("groups"), "/" + p.id()) && has(u.path("realmRoles"), "coordinator");
            }
            if (!coordinator) {
                missing.add("a coordinator in /" + p.id());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void machineClientsServeOnlyPartnershipsOfTheFileAndTheCountyWideOnesServeThemAll() throws IOException {
        Set<String> all = new TreeSet<>(
                REGISTRY.partnerships().stream().map(Partnership::id).toList());
        int countyWide = 0;
        for (JsonNode client : realm.path("clients")) {
            for (JsonNode mapper : client.path("protocolMappers")) {
                if (!mapper.path("config").path("claim.name").asText().equals("partnerships")) {
                    continue;
                }
                Set<String> served = new TreeSet<>();
                new ObjectMapper()
                        .readTree(mapper.path("config").path("claim.value").asText())
                        .forEach(id -> served.add(id.asText()));
                String who = client.path("clientId").asText();
                assertTrue(all.containsAll(served), () -> who + " serves " + served + ", beyond " + all);
                if (who.equals("police-gloucestershire") || who.equals("safer-gloucestershire")) {
                    assertEquals(all, served, who + " serves every partnership of the county");
                    countyWide++;
                }
            }
        }
        assertEquals(2, countyWide, "the police and the county board carry a partnerships claim");
    }

    /**
     * The web frontend's client: confidential, the authorization code flow only and with PKCE S256, its redirect URIs
     * and web origins exactly the frontend's address, and the same audience and claims as the people's tokens get.
     */
    @Test
    void theWebFrontendsClientTakesTheCodeFlowWithPkceToTheFrontendsAddressOnly() {
        JsonNode web = client("csp-web");
        assertEquals(false, web.path("publicClient").asBoolean(true), "confidential");
        assertEquals(true, web.path("standardFlowEnabled").asBoolean(false), "authorization code flow");
        assertEquals(false, web.path("implicitFlowEnabled").asBoolean(true), "no implicit flow");
        assertEquals(false, web.path("directAccessGrantsEnabled").asBoolean(true), "no password grant");
        assertEquals(false, web.path("serviceAccountsEnabled").asBoolean(true), "no client-credentials grant");
        assertEquals(
                "S256",
                web.path("attributes").path("pkce.code.challenge.method").asText());
        assertEquals(Set.of("http://localhost:8084/*", "http://127.0.0.1:8084/*"), texts(web.path("redirectUris")));
        assertEquals(Set.of("http://localhost:8084", "http://127.0.0.1:8084"), texts(web.path("webOrigins")));
        assertEquals(
                mappers(client("csp-cli")), mappers(web), "the audience csp-api and the people's claims, as csp-cli");
        assertTrue(
                mappers(web).toString().contains("\"included.custom.audience\":\"csp-api\""),
                mappers(web).toString());
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("No client " + clientId + " in the realm");
    }

    /** A client's protocol mappers, each as its JSON. */
    private static Set<String> mappers(JsonNode client) {
        Set<String> mappers = new TreeSet<>();
        client.path("protocolMappers").forEach(mapper -> mappers.add(mapper.toString()));
        return mappers;
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> texts = new TreeSet<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static boolean has(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
