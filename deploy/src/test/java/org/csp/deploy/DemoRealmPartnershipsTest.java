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

    private static boolean has(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
