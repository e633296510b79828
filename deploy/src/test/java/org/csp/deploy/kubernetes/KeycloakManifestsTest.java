package org.csp.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keycloak through the Keycloak Operator ({@code deploy/kubernetes/base/keycloak/keycloak.yaml}): valid strictly
 * against its schema, on the CloudNativePG cluster's read-write Service, in Keycloak's own database as its own role,
 * and the realm imported into it.
 */
class KeycloakManifestsTest {

    static final Path KEYCLOAK = ProductionRealmTest.REPO.resolve("deploy/kubernetes/base/keycloak/keycloak.yaml");

    static JsonNode keycloak() {
        List<JsonNode> documents = CrdSchemas.documents(KEYCLOAK);
        assertEquals(1, documents.size());
        return documents.getFirst();
    }

    @Test
    void theKeycloakIsValidStrictlyAgainstTheOperatorsSchema() {
        assertEquals(List.of(), ProductionRealmTest.crds().problems(keycloak()));
    }

    @Test
    void itRunsOnTheClustersReadWriteServiceInItsOwnDatabaseAsItsOwnRole() {
        JsonNode db = keycloak().path("spec").path("db");
        JsonNode cluster = PostgresManifestsTest.cluster();
        assertEquals("postgres", db.path("vendor").asText());
        assertEquals(
                cluster.path("metadata").path("name").asText() + "-rw",
                db.path("host").asText());
        String secret = null;
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            if (role.path("name").asText().equals("keycloak")) {
                secret = role.path("passwordSecret").path("name").asText();
            }
        }
        assertEquals(secret, db.path("usernameSecret").path("name").asText());
        assertEquals(secret, db.path("passwordSecret").path("name").asText());
        boolean database = false;
        for (JsonNode d : KafkaManifestsTest.ofKind(PostgresManifestsTest.resources(), "Database")) {
            database |= d.path("spec")
                            .path("name")
                            .asText()
                            .equals(db.path("database").asText())
                    && d.path("spec").path("owner").asText().equals("keycloak");
        }
        assertEquals(true, database, "the database " + db.path("database") + " is Keycloak's");
    }

    @Test
    void theRealmIsImportedIntoThisKeycloak() {
        assertEquals(
                keycloak().path("metadata").path("name").asText(),
                ProductionRealmTest.realmImport()
                        .path("spec")
                        .path("keycloakCRName")
                        .asText());
    }
}
