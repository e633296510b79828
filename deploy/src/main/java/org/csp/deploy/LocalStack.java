package org.csp.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.deploy.demo.DemoGenerator;
import org.csp.deploy.demo.DemoLoader;
import org.csp.deploy.demo.DemoStart;
import org.csp.infrastructure.ChildProcess;
import org.csp.infrastructure.DemoRealm;
import org.csp.infrastructure.Durability;
import org.csp.infrastructure.LocalKeycloak;
import org.csp.infrastructure.LocalServers;
import org.csp.infrastructure.Ports;
import org.csp.infrastructure.RepoRoot;

/**
 * The whole system on this machine: PostgreSQL, Kafka (KRaft) and Keycloak, then the three services, the gateway
 * and the web frontend, one at a time (starting JVMs in parallel on two cores makes each far slower). Everything listens on
 * 127.0.0.1. {@code deploy/run} calls {@link #main}; the end-to-end tests use the same code with free ports.
 */
public final class LocalStack implements AutoCloseable {

    /** The four applications, in start order (the gateway last, so that its routes lead somewhere). */
    public static final List<String> SERVICES =
            List.of("plan-service", "measures-service", "engagement-service", "gateway");

    /** Every application, in start order: the services, then the web frontend (the Kubernetes manifests' five). */
    public static final List<String> APPLICATIONS = java.util.stream.Stream.concat(
                    SERVICES.stream(), java.util.stream.Stream.of(WebApp.NAME))
            .toList();

    /** The database of each application (the Kubernetes manifests give each the same one). */
    public static final Map<String, String> DATABASES = Map.of(
            "plan-service",
            "plan",
            "measures-service",
            "measures",
            "engagement-service",
            "engagement",
            "gateway",
            "gateway",
            WebApp.NAME,
            "web");

    /** Where and on which ports; 0 means a free port. */
    public record Settings(
            Path repo,
            Path data,
            int gateway,
            int plan,
            int measures,
            int engagement,
            int keycloak,
            int keycloakManagement,
            int kafka,
            int postgres,
            int web,
            boolean demo,
            int replicas) {

        /**
         * Fixed ports 8080–8084, 8180, 9092, 5432, each overridable by an environment variable; data in .local/; one
         * instance of each service, or {@code CSP_REPLICAS} behind each address.
         */
        public static Settings fromEnvironment() {
            return fromEnvironment(false);
        }

        /**
         * As {@link #fromEnvironment()}; with {@code demo}, the demo data set's own data directory ({@code .local/demo}),
         * so that demo and real figures are never in one store.
         */
        public static Settings fromEnvironment(boolean demo) {
            Path repo = RepoRoot.find();
            Path data = Path.of(env("CSP_DATA_DIR", repo.resolve(".local").toString()));
            return new Settings(
                    repo,
                    demo ? data.resolve("demo") : data,
                    port("CSP_GATEWAY_PORT", 8080),
                    port("CSP_PLAN_PORT", 8081),
                    port("CSP_MEASURES_PORT", 8082),
                    port("CSP_ENGAGEMENT_PORT", 8083),
                    port("CSP_KEYCLOAK_PORT", 8180),
                    port("CSP_KEYCLOAK_MANAGEMENT_PORT", 9180),
                    port("CSP_KAFKA_PORT", 9092),
                    port("CSP_POSTGRES_PORT", 5432),
                    port("CSP_WEB_PORT", 8084),
                    demo,
                    Integer.parseInt(env("CSP_REPLICAS", "1")));
        }

        /** Free ports and the given data folder, for tests. */
        public static Settings ephemeral(Path data) {
            return new Settings(RepoRoot.find(), data, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 1);
        }

        /**
         * As these, with {@code replicas} instances of each service and the gateway behind its address, as the
         * Kubernetes manifests run them behind their Services.
         */
        public Settings withReplicas(int replicas) {
            if (replicas < 1) {
                throw new IllegalArgumentException("replicas: at least 1, not " + replicas);
            }
            return new Settings(
                    repo,
                    data,
                    gateway,
                    plan,
                    measures,
                    engagement,
                    keycloak,
                    keycloakManagement,
                    kafka,
                    postgres,
                    web,
                    demo,
                    replicas);
        }

        /**
         * The web app's extra system properties: with the demo data set, {@code csp.web.demo-data=true} (the web app
         * then labels every page synthetic) and the set's last quarter as the one {@code /} shows.
         */
        public List<String> webSystemProperties() {
            return demo
                    ? List.of(
                            "-D" + DemoStart.WEB_PROPERTY + "=true",
                            "-Dcsp.web.latest-quarter=" + DemoGenerator.LAST.pathId())
                    : List.of();
        }

        private static int port(String name, int fallback) {
            return Integer.parseInt(env(name, Integer.toString(fallback)));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private final Settings settings;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    /** The instances behind each service's address, when it has several ({@code gateway-1}, {@code gateway-2}). */
    private final Map<String, List<String>> replicas = new LinkedHashMap<>();

    private final List<ServiceBalancer> balancers = new ArrayList<>();
    private LocalServers servers;

    private LocalStack(Settings settings) {
        this.settings = settings;
        ports.put("plan-service", Ports.orFree(settings.plan()));
        ports.put("measures-service", Ports.orFree(settings.measures()));
        ports.put("engagement-service", Ports.orFree(settings.engagement()));
        ports.put("gateway", Ports.orFree(settings.gateway()));
        ports.put(WebApp.NAME, Ports.orFree(settings.web()));
    }

    public static LocalStack start(Settings settings) {
        for (String service : APPLICATIONS) {
            Path jar = jar(settings.repo(), service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(
                        jar + " is missing: build first (./mvnw -DskipTests package, or deploy/run does it)");
            }
        }
        LocalStack stack = new LocalStack(settings);
        try {
            stack.servers = LocalServers.start(
                    settings.data(),
                    new LocalServers.ServerPorts(
                            settings.postgres(), settings.kafka(), settings.keycloak(), settings.keycloakManagement()),
                    settings.repo().resolve("deploy/keycloak/csp-realm.json"),
                    Durability.DURABLE,
                    LocalStack::log);
            DATABASES.values().forEach(stack.servers.postgres()::createDatabaseIfMissing);
            for (String service : APPLICATIONS) {
                stack.startService(service);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts a service on its address: one instance there, or, with {@link Settings#replicas()} above 1, that many on
     * ports of their own behind a {@link ServiceBalancer} there (the web frontend always runs once).
     */
    private void startService(String service) {
        int count = SERVICES.contains(service) ? settings.replicas() : 1;
        if (count == 1) {
            startInstance(service, service, ports.get(service));
            return;
        }
        List<String> instances = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String instance = service + "-" + i;
            startInstance(service, instance, Ports.free());
            instances.add(instance);
        }
        replicas.put(service, instances);
        balancers.add(ServiceBalancer.start(
                service, ports.get(service), instances.stream().map(ports::get).toList()));
    }

    /** The instances a name stands for: a service's replicas, or the one instance of that name. */
    private List<String> instances(String name) {
        return replicas.getOrDefault(name, List.of(name));
    }

    /**
     * Starts {@code instance} of {@code service}'s application on {@code port}, with the service's database: a service
     * with the broker and the realm (the gateway with the services' addresses), the web frontend with the gateway it
     * calls and the realm's csp-web client (which it lets redirect to this port), reading no topic.
     */
    private void startInstance(String service, String instance, int port) {
        log(instance + " …");
        boolean web = service.equals(WebApp.NAME);
        if (web && port != WebApp.REALM_PORT) {
            WebApp.allowPort(servers.keycloak().realmUrl(), port);
        }
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.java(),
                web ? "-Xmx256m" : "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=" + servers.postgres().reactiveUrl(DATABASES.get(service)),
                "-Dquarkus.datasource.username=" + servers.postgres().username()));
        if (web) {
            command.addAll(WebApp.properties(url("gateway"), servers.keycloak().realmUrl()));
            command.addAll(settings.webSystemProperties());
        } else {
            command.add("-Dkafka.bootstrap.servers=" + servers.kafka().bootstrapServers());
            command.add("-Dquarkus.oidc.auth-server-url=" + servers.keycloak().realmUrl());
        }
        if (service.equals("gateway")) {
            command.add("-Dcsp.gateway.routes.plan=" + url("plan-service"));
            command.add("-Dcsp.gateway.routes.measures=" + url("measures-service"));
            command.add("-Dcsp.gateway.routes.engagement=" + url("engagement-service"));
        }
        command.addAll(List.of("-jar", jar(settings.repo(), service).toString()));
        ChildProcess process = ChildProcess.start(
                instance,
                command,
                web ? WebApp.environment(settings.repo().resolve("deploy/keycloak/csp-realm.json")) : Map.of(),
                settings.data().resolve("logs").resolve(instance + ".log"));
        services.put(instance, process);
        ports.put(instance, port);
        process.awaitHttp("http://127.0.0.1:" + port + "/q/health/ready", Duration.ofMinutes(2));
    }

    /**
     * Starts another instance of a service (a replica, as a second pod would be) on a free port, against the same
     * database, broker and realm; returns its name ({@code gateway-2}), usable with {@link #url}, {@link #kill}.
     */
    public String startReplica(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("No service " + service + "; one of " + SERVICES);
        }
        int n = 2;
        while (services.containsKey(service + "-" + n)) {
            n++;
        }
        String instance = service + "-" + n;
        startInstance(service, instance, Ports.free());
        return instance;
    }

    public String url(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("No service " + service + "; one of " + SERVICES);
        }
        return "http://127.0.0.1:" + port;
    }

    public LocalKeycloak keycloak() {
        return servers.keycloak();
    }

    public String kafkaBootstrap() {
        return servers.kafka().bootstrapServers();
    }

    /** SIGKILL, as a crash would: an instance, or every replica of a service. */
    public void kill(String service) {
        instances(service).forEach(instance -> services.get(instance).kill());
    }

    /** Starts a stopped or killed service (every replica of it) again and waits until it is ready. */
    public void restart(String service) {
        for (String instance : instances(service)) {
            ChildProcess old = services.get(instance);
            if (old != null && old.alive()) {
                old.stop();
            }
        }
        if (replicas.containsKey(service)) {
            replicas.get(service).forEach(instance -> startInstance(service, instance, ports.get(instance)));
        } else {
            startService(service);
        }
    }

    /** Stops an instance (a replica, say) for good. */
    public void stop(String instance) {
        ChildProcess process = services.remove(instance);
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void close() {
        List<String> reversed = new ArrayList<>(services.keySet());
        Collections.reverse(reversed);
        for (String service : reversed) {
            services.get(service).stop();
        }
        services.clear();
        balancers.forEach(ServiceBalancer::close);
        if (servers != null) {
            servers.close();
        }
    }

    private static Path jar(Path repo, String service) {
        return repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static void log(String message) {
        System.out.println("[csp] " + message);
    }

    private static final String DEMO_BANNER =
            "\n\n      DEMO DATA (synthetic): the demo data set, in its own data directory (not real figures).";

    public static void main(String[] args) throws InterruptedException {
        boolean demoData = List.of(args).contains("--demo");
        if (args.length > (demoData ? 1 : 0)) {
            System.err.println("Usage: deploy/run [--demo]   (--demo: the synthetic demo data set, in .local/demo)");
            System.exit(2);
        }
        Settings settings = Settings.fromEnvironment(demoData);
        long started = System.nanoTime();
        LocalStack stack = start(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log("stopping …");
                            stack.close();
                            log("stopped.");
                        },
                        "local-stack-stop"));
        if (demoData) {
            DemoStart.loadOnce(
                    settings.data(),
                    stack.url("gateway"),
                    DemoLoader.of(stack.keycloak()::userToken, stack.keycloak()::clientToken),
                    Clock.systemUTC(),
                    LocalStack::log);
        }
        String realm = stack.keycloak().realmUrl();
        DemoRealm demo = DemoRealm.read(RepoRoot.realmFile());
        System.out.printf(
                """

                [csp] Ready in %d s. Ctrl-C stops everything.%s%s

                  web frontend        %s   (sign in as a demo user below)
                  gateway             %s   (API: /api/…, health: /q/health/ready, OpenAPI: /q/openapi)
                  plan-service        %s
                  measures-service    %s
                  engagement-service  %s
                  Keycloak            %s   (realm csp; admin console: not configured, demo realm only)
                  Kafka               %s
                  PostgreSQL          127.0.0.1:%d   (databases plan, measures, engagement, gateway, web)
                  data and logs       %s

                Demo logins (local demo realm only; the web frontend, or client csp-cli), password = user name:
                  %s
                Machine clients (client credentials), secret <client-id>-secret:
                  %s

                  TOKEN=$(curl -s -d grant_type=password -d client_id=csp-cli -d username=coordinator -d password=coordinator \\
                    %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" %s/api/initiatives
                  curl -s -H "Authorization: Bearer $TOKEN" %s/api/views/quarterly/2024-25-Q2
                %n""",
                (System.nanoTime() - started) / 1_000_000_000L,
                demoData ? DEMO_BANNER : "",
                settings.replicas() > 1
                        ? "\n      " + settings.replicas()
                                + " instances of each service and the gateway behind its address"
                        : "",
                stack.url(WebApp.NAME),
                stack.url("gateway"),
                stack.url("plan-service"),
                stack.url("measures-service"),
                stack.url("engagement-service"),
                realm.replace("/realms/csp", ""),
                stack.kafkaBootstrap(),
                stack.servers.postgres().port(),
                settings.data(),
                String.join(", ", demo.users()),
                String.join(", ", demo.clients()),
                realm,
                stack.url("gateway"),
                stack.url("gateway"));
        Thread.currentThread().join();
    }
}
