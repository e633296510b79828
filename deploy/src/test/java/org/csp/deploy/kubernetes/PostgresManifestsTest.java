package org.csp.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.csp.deploy.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL through CloudNativePG ({@code deploy/kubernetes/base/postgres/postgres.yaml}): valid strictly against its
 * schemas; three instances with synchronous replication that never goes on without a standby; a database for each
 * application and Keycloak, each owned by a login role of its own that is not a superuser; backups scheduled to object
 * storage; the PodMonitor on.
 */
class PostgresManifestsTest {

    static final Path POSTGRES = ProductionRealmTest.REPO.resolve("deploy/kubernetes/base/postgres/postgres.yaml");

    static List<JsonNode> resources() {
        return CrdSchemas.documents(POSTGRES);
    }

    static JsonNode cluster() {
        return KafkaManifestsTest.ofKind(resources(), "Cluster").getFirst();
    }

    @Test
    void everyResourceIsValidStrictlyAgainstCloudNativePgsSchemas() {
        CrdSchemas crds = ProductionRealmTest.crds();
        for (JsonNode resource : resources()) {
            assertEquals(
                    List.of(),
                    crds.problems(resource),
                    resource.path("metadata").path("name").asText());
        }
    }

    /** A 2xx still means durable: a commit waits for a standby, and never goes on without one. */
    @Test
    void threeInstancesReplicateSynchronouslyAndTheSuperuserIsNotReachable() {
        JsonNode spec = cluster().path("spec");
        assertEquals(3, spec.path("instances").asInt());
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        assertTrue(synchronous.path("number").asInt() >= 1);
        assertEquals("required", synchronous.path("dataDurability").asText());
        assertFalse(spec.path("enableSuperuserAccess").asBoolean(true));
        assertTrue(spec.path("monitoring").path("enablePodMonitor").asBoolean());
    }

    /** The databases the applications use (as deploy/run gives them) and Keycloak's, each with its own role. */
    @Test
    void eachApplicationHasItsDatabaseOwnedByALeastPrivilegeRole() {
        Map<String, JsonNode> roles = new HashMap<>();
        for (JsonNode role : cluster().path("spec").path("managed").path("roles")) {
            roles.put(role.path("name").asText(), role);
        }
        Set<String> databases = new TreeSet<>();
        for (JsonNode database : KafkaManifestsTest.ofKind(resources(), "Database")) {
            JsonNode spec = database.path("spec");
            databases.add(spec.path("name").asText());
            assertEquals(
                    cluster().path("metadata").path("name").asText(),
                    spec.path("cluster").path("name").asText());
            JsonNode owner = roles.get(spec.path("owner").asText());
            assertTrue(owner != null, spec.path("name") + "'s owner is a managed role");
            assertTrue(owner.path("login").asBoolean());
            for (String privilege : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertFalse(owner.path(privilege).asBoolean(), owner.path("name") + " " + privilege);
            }
            assertFalse(owner.path("passwordSecret").path("name").asText().isEmpty(), "a password from a Secret");
        }
        Set<String> expected = new TreeSet<>(LocalStack.DATABASES.values());
        expected.add("keycloak");
        assertEquals(expected, databases);
        assertEquals(databases.size(), new TreeSet<>(roles.keySet()).size(), "a role for each database, no other");
    }

    @Test
    void backupsAreScheduledToObjectStorage() {
        JsonNode barman = cluster().path("spec").path("backup").path("barmanObjectStore");
        assertTrue(barman.path("destinationPath").asText().startsWith("s3://"));
        assertFalse(barman.path("s3Credentials")
                .path("secretAccessKey")
                .path("name")
                .asText()
                .isEmpty());
        List<JsonNode> schedules = KafkaManifestsTest.ofKind(resources(), "ScheduledBackup");
        assertEquals(1, schedules.size());
        assertEquals(
                cluster().path("metadata").path("name").asText(),
                schedules.getFirst().path("spec").path("cluster").path("name").asText());
        assertEquals(
                "barmanObjectStore",
                schedules.getFirst().path("spec").path("method").asText());
    }
}
