package org.csp.deploy.kubernetes;

import static org.csp.deploy.kubernetes.Rendered.APPLICATIONS;
import static org.csp.deploy.kubernetes.Rendered.container;
import static org.csp.deploy.kubernetes.Rendered.named;
import static org.csp.deploy.kubernetes.Rendered.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csp.deploy.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform's manifests as {@code deploy/kubernetes/render} renders each overlay: every object valid strictly
 * (custom resources against their operators' CRDs, the API's own against fabric8's model), the applications run as
 * the kernel allows (two or more replicas, health probes, requests), and every name a workload uses leads to what the
 * manifests or the applications define: Services and ports, the database and its role, the Kafka user and listener,
 * Keycloak's Service and issuer, and the Secrets, which are referenced and never inlined.
 */
class WorkloadManifestsTest {

    static final List<String> OVERLAYS = List.of("local", "production");

    /** Environment variables whose value must come from a Secret. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|credential|private).*");

    /** Who may reach each application: the services only from the gateway, the two public ones via the ingress. */
    static final Map<String, Set<String>> REACHED_FROM = Map.of(
            "plan-service", Set.of("gateway"),
            "measures-service", Set.of("gateway"),
            "engagement-service", Set.of("gateway"),
            "gateway", Set.of("web", "namespace {\"kubernetes.io/metadata.name\":\"ingress-nginx\"}"),
            "web", Set.of("namespace {\"kubernetes.io/metadata.name\":\"ingress-nginx\"}"));

    private static final Pattern URL_HOST_PORT = Pattern.compile("^[a-z]+://([a-z0-9-]+):(\\d+)(/.*)?$");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectIsValidStrictlyAgainstItsSchema(String overlay) {
        CrdSchemas crds = ProductionRealmTest.crds();
        Map<String, List<String>> problems = new TreeMap<>();
        for (JsonNode object : Rendered.overlay(overlay)) {
            String name = object.path("kind").asText() + " "
                    + object.path("metadata").path("name").asText();
            List<String> found = crds.knows(
                            object.path("apiVersion").asText(),
                            object.path("kind").asText())
                    ? crds.problems(object)
                    : CoreSchemas.problems(object);
            if (!found.isEmpty()) {
                problems.put(name, found);
            }
        }
        assertEquals(Map.of(), problems);
        assertEquals(5, ofKind(Rendered.overlay(overlay), "Deployment").size());
    }

    @Test
    void theCoreSchemaCheckRefusesAMisspeltFieldAWrongTypeAndAnUnknownKind() {
        ObjectNode deployment =
                named(Rendered.overlay("production"), "Deployment", "gateway").deepCopy();
        assertEquals(List.of(), CoreSchemas.problems(deployment));

        ObjectNode misspelt = deployment.deepCopy();
        ((ObjectNode) misspelt.at("/spec/template/spec/containers/0/readinessProbe/httpGet")).put("pth", "/q/health");
        assertEquals(
                List.of(".spec.template.spec.containers[0].readinessProbe.httpGet.pth: not a field of HTTPGetAction"),
                CoreSchemas.problems(misspelt).stream()
                        .map(p -> p.substring(p.indexOf('.')))
                        .toList());

        ObjectNode quoted = deployment.deepCopy();
        ((ObjectNode) quoted.path("spec")).put("replicas", "2");
        assertEquals(1, CoreSchemas.problems(quoted).size(), "replicas: \"2\" is a string");

        ObjectNode number = deployment.deepCopy();
        ((ObjectNode) number.at("/spec/template/spec/containers/0/env/0")).put("value", 5432);
        assertEquals(1, CoreSchemas.problems(number).size(), "an environment variable's value is a string");

        ObjectNode job = deployment.deepCopy().put("apiVersion", "batch/v1").put("kind", "Job");
        assertEquals(List.of("no model of batch/v1/Job"), CoreSchemas.problems(job));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyApplicationRunsTwiceOrMoreWithItsHealthChecksOnItsOwnPort(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        for (String application : APPLICATIONS) {
            JsonNode deployment = named(objects, "Deployment", application);
            JsonNode container = container(deployment);
            assertTrue(deployment.at("/spec/replicas").asInt() >= 2, application + " runs two or more replicas");
            assertEquals(
                    Integer.parseInt(Rendered.property(application, "quarkus.http.port")),
                    container.at("/ports/0/containerPort").asInt(),
                    application + " listens where its application.properties says");
            assertEquals("http", container.at("/ports/0/name").asText());
            assertEquals(
                    "/q/health/ready",
                    container.at("/readinessProbe/httpGet/path").asText(),
                    application);
            assertEquals(
                    "/q/health/live",
                    container.at("/livenessProbe/httpGet/path").asText(),
                    application);
            assertEquals(
                    "/q/health/started",
                    container.at("/startupProbe/httpGet/path").asText(),
                    application);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertEquals("http", container.path(probe).at("/httpGet/port").asText(), application + " " + probe);
            }
            for (String resource : List.of("cpu", "memory")) {
                assertFalse(
                        container.at("/resources/requests/" + resource).isMissingNode(), application + " " + resource);
            }
            assertFalse(container.at("/resources/limits/memory").isMissingNode(), application);
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), application);
            assertEquals(
                    0,
                    deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(),
                    application);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyApplicationHasADisruptionBudgetAndTheStatelessOnesScaleOnLoad(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        for (String application : APPLICATIONS) {
            JsonNode deployment = named(objects, "Deployment", application);
            JsonNode budget = named(objects, "PodDisruptionBudget", application);
            assertTrue(
                    selects(budget.at("/spec/selector"), podLabels(deployment)),
                    "the budget of " + application + " selects its pods");
            assertEquals(1, budget.at("/spec/minAvailable").asInt(), application);
        }
        Set<String> scaled = new TreeSet<>();
        for (JsonNode autoscaler : ofKind(objects, "HorizontalPodAutoscaler")) {
            String target = autoscaler.at("/spec/scaleTargetRef/name").asText();
            named(objects, "Deployment", target);
            assertEquals(
                    "Deployment", autoscaler.at("/spec/scaleTargetRef/kind").asText());
            assertTrue(autoscaler.at("/spec/minReplicas").asInt() >= 2, target);
            assertTrue(autoscaler.at("/spec/maxReplicas").asInt()
                    > autoscaler.at("/spec/minReplicas").asInt());
            scaled.add(target);
        }
        assertEquals(Set.of("gateway", "web"), scaled);
    }

    @Test
    void imagesAreNamedByTheRegistryAndTagTheyAreRenderedWith() {
        for (String application : APPLICATIONS) {
            assertEquals(
                    "registry.test.example/stroud/csp/" + application + ":1.2.3",
                    container(named(Rendered.overlay("production"), "Deployment", application))
                            .path("image")
                            .asText());
        }
        Rendered.Run local = Rendered.run("local");
        assertEquals(0, local.status(), local.errors());
        assertEquals(
                "localhost:5001/csp/gateway:dev",
                container(named(local.objects(), "Deployment", "gateway"))
                        .path("image")
                        .asText());

        Rendered.Run unnamed = Rendered.run("production");
        assertEquals(2, unnamed.status());
        assertTrue(unnamed.errors().contains("needs --registry and --tag"), unnamed.errors());
        Rendered.Run injected = Rendered.run("production", "--registry", "ghcr.io/a\nnewTag: x", "--tag", "1");
        assertEquals(2, injected.status(), "a registry that is not one never reaches the kustomization");
        assertEquals(2, Rendered.run("staging").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayReachesTheServices(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Map<String, JsonNode> pods = new HashMap<>();
        APPLICATIONS.forEach(a -> pods.put(a, podLabels(named(objects, "Deployment", a))));
        List<JsonNode> policies = ofKind(objects, "NetworkPolicy");
        for (String application : APPLICATIONS) {
            List<JsonNode> guarding = policies.stream()
                    .filter(p -> selects(p.at("/spec/podSelector"), pods.get(application)))
                    .toList();
            assertFalse(guarding.isEmpty(), application + " takes only what a policy allows");
            Set<String> from = new TreeSet<>();
            for (JsonNode policy : guarding) {
                assertEquals("Ingress", policy.at("/spec/policyTypes/0").asText());
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    assertFalse(rule.path("from").isEmpty(), "a rule without from lets everyone in");
                    for (JsonNode peer : rule.path("from")) {
                        assertFalse(peer.has("ipBlock"), policy.toString());
                        if (peer.has("namespaceSelector")) {
                            from.add("namespace "
                                    + peer.at("/namespaceSelector/matchLabels").toString());
                            continue;
                        }
                        pods.forEach((other, labels) -> {
                            if (selects(peer.path("podSelector"), labels)) {
                                from.add(other);
                            }
                        });
                    }
                    assertEquals("http", rule.at("/ports/0/port").asText());
                }
            }
            assertEquals(REACHED_FROM.get(application), from, application + " is reached from these only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyAddressAWorkloadUsesIsAServiceOfTheManifests(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Map<String, String> settings = data(named(objects, "ConfigMap", "csp-platform"));
        for (String application : APPLICATIONS) {
            Map<String, String> env = new TreeMap<>(settings);
            container(named(objects, "Deployment", application)).path("env").forEach(e -> {
                if (e.has("value")) {
                    env.put(e.path("name").asText(), e.path("value").asText());
                }
            });
            for (Map.Entry<String, String> setting : env.entrySet()) {
                Matcher url = URL_HOST_PORT.matcher(setting.getValue());
                if (!url.matches() || setting.getKey().equals("QUARKUS_OIDC_TOKEN_ISSUER")) {
                    continue;
                }
                String host = url.group(1);
                int port = Integer.parseInt(url.group(2));
                assertTrue(
                        serves(objects, host, port),
                        application + "'s " + setting.getKey() + " = " + setting.getValue()
                                + ": no Service or operator's Service of that name and port");
            }
        }
        // the gateway's routes lead to the services' own Services, and the web frontend to the gateway's
        JsonNode gateway = container(named(objects, "Deployment", "gateway"));
        for (String service : List.of("plan", "measures", "engagement")) {
            assertEquals(
                    "http://" + service + "-service:" + Rendered.property(service + "-service", "quarkus.http.port"),
                    env(gateway, "CSP_GATEWAY_ROUTES_" + service.toUpperCase()));
        }
        assertEquals(
                "http://gateway:" + Rendered.property("gateway", "quarkus.http.port"),
                env(container(named(objects, "Deployment", "web")), "CSP_WEB_GATEWAY_URL"));
        for (JsonNode rule : named(objects, "Ingress", "csp").at("/spec/rules")) {
            JsonNode backend = rule.at("/http/paths/0/backend/service");
            JsonNode service = named(objects, "Service", backend.path("name").asText());
            assertEquals(
                    backend.at("/port/name").asText(),
                    service.at("/spec/ports/0/name").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachApplicationUsesItsOwnDatabaseAsItsOwnRoleOverVerifiedTls(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        JsonNode cluster = named(objects, "Cluster", "csp-postgres");
        Map<String, String> roleSecrets = new HashMap<>();
        cluster.at("/spec/managed/roles")
                .forEach(r -> roleSecrets.put(
                        r.path("name").asText(), r.at("/passwordSecret/name").asText()));
        for (String application : APPLICATIONS) {
            JsonNode container = container(named(objects, "Deployment", application));
            String database = LocalStack.DATABASES.get(application);
            assertEquals(
                    "postgresql://csp-postgres-rw:5432/" + database,
                    env(container, "QUARKUS_DATASOURCE_REACTIVE_URL"),
                    application + " uses the database deploy/run gives it, through the cluster's read-write Service");
            String owner = ofKind(objects, "Database").stream()
                    .filter(d -> d.at("/spec/name").asText().equals(database))
                    .findFirst()
                    .orElseThrow()
                    .at("/spec/owner")
                    .asText();
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals(
                        roleSecrets.get(owner),
                        secretKeyRef(container, variable).path("name").asText(),
                        application + " signs in as the role that owns its database");
            }
        }
        Map<String, String> settings = data(named(objects, "ConfigMap", "csp-platform"));
        assertEquals("verify-full", settings.get("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE"));
        assertEquals(
                "/etc/csp/postgres-ca/ca.crt", settings.get("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachKafkaClientIsItsOwnKafkaUserOnTheTlsListener(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        JsonNode kafka = named(objects, "Kafka", "csp-kafka");
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        Map<String, String> settings = data(named(objects, "ConfigMap", "csp-platform"));
        assertEquals(
                "csp-kafka-kafka-bootstrap:" + listener.path("port").asInt(), settings.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertTrue(listener.path("tls").asBoolean());
        assertEquals("SSL", settings.get("KAFKA_SECURITY_PROTOCOL"));
        for (String application : KafkaManifestsTest.READS.keySet()) {
            JsonNode deployment = named(objects, "Deployment", application);
            named(objects, "KafkaUser", application);
            assertEquals(
                    application,
                    secretKeyRef(container(deployment), "KAFKA_SSL_KEYSTORE_PASSWORD")
                            .path("name")
                            .asText());
            assertEquals(
                    Map.of(
                            "/etc/csp/kafka-user/user.p12", application + ":user.p12",
                            "/etc/csp/kafka-ca/ca.p12", "csp-kafka-cluster-ca-cert:ca.p12",
                            "/etc/csp/postgres-ca/ca.crt", "csp-postgres-ca:ca.crt"),
                    mountedFiles(deployment),
                    application + " has its own certificate and the clusters' CAs where csp-platform says");
            assertEquals(
                    "csp-kafka-cluster-ca-cert",
                    secretKeyRef(container(deployment), "KAFKA_SSL_TRUSTSTORE_PASSWORD")
                            .path("name")
                            .asText());
        }
        assertEquals(
                Map.of("/etc/csp/postgres-ca/ca.crt", "csp-postgres-ca:ca.crt"),
                mountedFiles(named(objects, "Deployment", "web")));
        for (String file : List.of("KAFKA_SSL_KEYSTORE_LOCATION", "KAFKA_SSL_TRUSTSTORE_LOCATION")) {
            assertTrue(mountedFiles(named(objects, "Deployment", "gateway")).containsKey(settings.get(file)), file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void tokensAreCheckedAgainstTheRealmTheManifestsImportIntoTheirKeycloak(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        JsonNode keycloak = named(objects, "Keycloak", "csp-keycloak");
        String realm = named(objects, "KeycloakRealmImport", "csp-realm")
                .at("/spec/realm/realm")
                .asText();
        Map<String, String> settings = data(named(objects, "ConfigMap", "csp-platform"));
        assertEquals(
                "http://csp-keycloak-service:8080/realms/" + realm,
                settings.get("QUARKUS_OIDC_AUTH_SERVER_URL"),
                "inside the cluster, Keycloak's own Service (HTTP, as httpEnabled makes it)");
        assertTrue(keycloak.at("/spec/http/httpEnabled").asBoolean());
        assertEquals(
                keycloak.at("/spec/hostname/hostname").asText() + "/realms/" + realm,
                settings.get("QUARKUS_OIDC_TOKEN_ISSUER"),
                "tokens name Keycloak's public address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretsAreReferencedNeverInlinedAndEachIsMadeByAnOperatorOrListedForPeopleToMake(String overlay)
            throws IOException {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Map<String, Set<String>> used = new TreeMap<>();
        for (JsonNode deployment : ofKind(objects, "Deployment")) {
            JsonNode container = container(deployment);
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                if (variable.has("value")) {
                    assertFalse(SECRET_NAME.matcher(name).matches(), name + " is inlined; it must come from a Secret");
                } else {
                    JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                    used.computeIfAbsent(ref.path("name").asText(), k -> new TreeSet<>())
                            .add(ref.path("key").asText());
                }
            }
            mountedFiles(deployment).values().forEach(file -> {
                String[] secretAndKey = file.split(":");
                used.computeIfAbsent(secretAndKey[0], k -> new TreeSet<>()).add(secretAndKey[1]);
            });
        }
        for (JsonNode settings : ofKind(objects, "ConfigMap")) {
            settings.path("data")
                    .fieldNames()
                    .forEachRemaining(name -> assertFalse(
                            SECRET_NAME.matcher(name).matches(), name + " looks like a secret in a ConfigMap"));
        }
        Map<String, Set<String>> listed = secretsListed();
        Map<String, String> unaccounted = new TreeMap<>();
        used.forEach((secret, keys) -> {
            Set<String> known = operatorMade(objects, secret);
            if (known == null) {
                known = listed.get(secret);
            }
            if (known == null || !known.containsAll(keys)) {
                unaccounted.put(secret, keys.toString());
            }
        });
        assertEquals(Map.of(), unaccounted, "Secrets (and keys) neither an operator makes nor the README lists");
    }

    /**
     * At their most (every autoscaler at its maximum, one more pod of each during a rollout), the applications'
     * pools and leader locks and Keycloak's pool fit each role's connection limit, and together PostgreSQL's
     * {@code max_connections} less the superuser's reserved three.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyInstanceAtItsMostFitsTheConnectionsPostgresAllows(String overlay) throws IOException {
        List<JsonNode> objects = Rendered.overlay(overlay);
        JsonNode cluster = named(objects, "Cluster", "csp-postgres");
        Map<String, Integer> limits = new HashMap<>();
        cluster.at("/spec/managed/roles")
                .forEach(r -> limits.put(
                        r.path("name").asText(), r.path("connectionLimit").asInt()));
        Map<String, Integer> connections = new TreeMap<>();
        for (String application : APPLICATIONS) {
            JsonNode deployment = named(objects, "Deployment", application);
            int most = ofKind(objects, "HorizontalPodAutoscaler").stream()
                            .filter(h ->
                                    h.at("/spec/scaleTargetRef/name").asText().equals(application))
                            .mapToInt(h -> h.at("/spec/maxReplicas").asInt())
                            .findFirst()
                            .orElse(deployment.at("/spec/replicas").asInt())
                    + deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt();
            int each = Integer.parseInt(env(container(deployment), "QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE"))
                    + leaderLocks(application);
            String role = LocalStack.DATABASES.get(application);
            assertTrue(
                    most * each <= limits.get(role),
                    application + ": " + most + " pods of " + each + " connections, role " + role + " allows "
                            + limits.get(role));
            connections.put(application, most * each);
        }
        JsonNode keycloak = named(objects, "Keycloak", "csp-keycloak");
        int keycloaks = keycloak.at("/spec/instances").asInt()
                * keycloak.at("/spec/db/poolMaxSize").asInt();
        assertTrue(keycloaks <= limits.get("keycloak"), "Keycloak: " + keycloaks);
        connections.put("keycloak", keycloaks);
        int total = connections.values().stream().mapToInt(Integer::intValue).sum();
        int allowed = Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections")
                        .asText())
                - 3;
        assertTrue(total <= allowed, connections + " = " + total + " > " + allowed);
    }

    /** The connections an instance holds outside its pool: its relay's leader lock and one per projection. */
    static int leaderLocks(String application) throws IOException {
        int locks = Rendered.property(application, "csp.relay.topic") == null ? 0 : 1;
        try (var sources = Files.walk(ProductionRealmTest.REPO.resolve(application + "/src/main/java"))) {
            for (var source :
                    sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(source).contains(" implements Projection ")) {
                    locks++;
                }
            }
        }
        return locks;
    }

    @Test
    void eachApplicationHasAnImageOfItsPackagedApplicationOnItsPortAsANonRootUser() throws IOException {
        for (String application : APPLICATIONS) {
            String dockerfile =
                    Files.readString(ProductionRealmTest.REPO.resolve(application + "/src/main/docker/Dockerfile.jvm"));
            assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"), application);
            assertTrue(
                    dockerfile.contains("\nEXPOSE " + Rendered.property(application, "quarkus.http.port") + "\n"),
                    application + " exposes its port");
            assertTrue(dockerfile.contains("\nUSER 185\n"), application + " runs as a numeric non-root user");
            assertTrue(
                    Pattern.compile("(?m)^FROM [a-z0-9./-]+:[0-9.]+$")
                            .matcher(dockerfile)
                            .find(),
                    application + "'s base image is pinned to a version");
        }
        // the applications listen on 127.0.0.1 unless told otherwise (http-edge's default); every pod is told
        assertEquals(
                "0.0.0.0",
                data(named(Rendered.overlay("production"), "ConfigMap", "csp-platform"))
                        .get("QUARKUS_HTTP_HOST"));
    }

    @Test
    void everySecretTheReadmeListsIsReadBySomething() throws IOException {
        String production = Rendered.overlay("production").toString();
        for (String secret : secretsListed().keySet()) {
            assertTrue(
                    production.contains("\"" + secret + "\""),
                    secret + " is listed in deploy/kubernetes/README.md but nothing reads it");
        }
    }

    /** The Secrets of README's table "Secrets you make", with their keys. */
    static Map<String, Set<String>> secretsListed() throws IOException {
        String readme = Files.readString(Rendered.KUBERNETES.resolve("README.md"));
        int start = readme.indexOf("## Secrets you make");
        assertTrue(start >= 0, "deploy/kubernetes/README.md lists the Secrets people make");
        int end = readme.indexOf("\n## ", start + 3);
        Map<String, Set<String>> listed = new TreeMap<>();
        Pattern row = Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);
        Matcher matcher = row.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (matcher.find()) {
            Set<String> keys = new TreeSet<>();
            Matcher key = Pattern.compile("`([A-Za-z0-9._-]+)`").matcher(matcher.group(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
            listed.put(matcher.group(1), keys);
        }
        assertFalse(listed.isEmpty());
        return listed;
    }

    /** The keys of a Secret an operator makes from a resource of the manifests; null when none makes it. */
    static Set<String> operatorMade(List<JsonNode> objects, String secret) {
        if (Rendered.find(objects, "KafkaUser", secret).isPresent()) {
            return Set.of("user.p12", "user.password", "user.crt", "user.key", "ca.crt"); // Strimzi's User Operator
        }
        for (JsonNode kafka : ofKind(objects, "Kafka")) {
            if (secret.equals(kafka.at("/metadata/name").asText() + "-cluster-ca-cert")) {
                return Set.of("ca.p12", "ca.password", "ca.crt"); // Strimzi's Cluster Operator
            }
        }
        for (JsonNode cluster : ofKind(objects, "Cluster")) {
            if (secret.equals(cluster.at("/metadata/name").asText() + "-ca")) {
                return Set.of("ca.crt", "ca.key"); // CloudNativePG
            }
        }
        return null;
    }

    private static boolean serves(List<JsonNode> objects, String host, int port) {
        if (Rendered.find(objects, "Service", host)
                .map(s -> s.at("/spec/ports/0/port").asInt() == port)
                .orElse(false)) {
            return true;
        }
        // the operators' Services: CloudNativePG's <cluster>-rw, the Keycloak Operator's <name>-service (HTTP 8080)
        return ofKind(objects, "Cluster").stream()
                        .anyMatch(c -> host.equals(c.at("/metadata/name").asText() + "-rw") && port == 5432)
                || ofKind(objects, "Keycloak").stream()
                        .anyMatch(k -> host.equals(k.at("/metadata/name").asText() + "-service") && port == 8080);
    }

    /** Each file a Deployment's container mounts from a Secret, as {@code path: secret:key}. */
    static Map<String, String> mountedFiles(JsonNode deployment) {
        Map<String, String> files = new TreeMap<>();
        JsonNode spec = deployment.at("/spec/template/spec");
        for (JsonNode mount : container(deployment).path("volumeMounts")) {
            for (JsonNode volume : spec.path("volumes")) {
                if (!volume.path("name").asText().equals(mount.path("name").asText())) {
                    continue;
                }
                for (JsonNode source : volume.at("/projected/sources")) {
                    JsonNode secret = source.path("secret");
                    assertFalse(secret.path("items").isEmpty(), "a Secret's files are named: " + volume);
                    for (JsonNode item : secret.path("items")) {
                        files.put(
                                mount.path("mountPath").asText() + "/"
                                        + item.path("path").asText(),
                                secret.path("name").asText() + ":"
                                        + item.path("key").asText());
                    }
                }
                assertFalse(volume.has("secret"), "Secrets are mounted as projected volumes: " + volume);
            }
        }
        return files;
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.at("/spec/template/metadata/labels");
    }

    /** Whether a label selector (matchLabels and matchExpressions with In) selects pods of these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        for (var match = selector.path("matchLabels").fields(); match.hasNext(); ) {
            var label = match.next();
            if (!labels.path(label.getKey()).asText().equals(label.getValue().asText())) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            assertEquals("In", expression.path("operator").asText(), "only In is evaluated here");
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            if (!values.contains(labels.path(expression.path("key").asText()).asText())) {
                return false;
            }
        }
        return true;
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + container.path("name"));
    }

    private static JsonNode secretKeyRef(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.at("/valueFrom/secretKeyRef");
            }
        }
        throw new AssertionError("no " + name);
    }

    private static Map<String, String> data(JsonNode configMap) {
        Map<String, String> data = new TreeMap<>();
        configMap
                .path("data")
                .fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }
}
