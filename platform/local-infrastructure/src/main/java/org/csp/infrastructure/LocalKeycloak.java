package org.csp.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keycloak from its distribution (unpacked by the build), in development mode with its H2 database under
 * {@code dataDir}, importing the {@code csp} realm file at first start. The issuer is pinned to
 * {@code http://127.0.0.1:<port>} whatever host name clients use. A fresh database also gets Keycloak's own
 * administrator in its {@code master} realm ({@link #ADMIN_USER}, with a random password kept in the data directory),
 * on loopback only, which the
 * tests use to change a realm ({@link KeycloakAdmin}: a key added to the realm, a second realm).
 */
public final class LocalKeycloak implements AutoCloseable {

    /** The local Keycloak's administrator (master realm): a local demo credential, never for a real deployment. */
    public static final String ADMIN_USER = "local-admin";

    /** Where the administrator's password is kept in the data directory (made at the first start, owner only). */
    public static final String ADMIN_PASSWORD_FILE = "admin-password";

    /**
     * The system property naming the data directory of a Keycloak this JVM started, by its base address (a system
     * property, as the tests' class loaders each have their own statics): the password stays in its file there, never
     * in the JVM's properties.
     */
    private static final String DATA_DIR_PROPERTY = "csp.local-keycloak.data-dir.";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final ChildProcess process;
    private final int port;
    private final DemoRealm realm;

    private LocalKeycloak(ChildProcess process, int port, DemoRealm realm) {
        this.process = process;
        this.port = port;
        this.realm = realm;
    }

    public static LocalKeycloak start(Path dataDir, int port, int managementPort, Path realmFile) {
        Path home = Resources.keycloakHome();
        int httpPort = Ports.orFree(port);
        int management = Ports.orFree(managementPort);
        try {
            Path dir = Files.createDirectories(dataDir.toAbsolutePath());
            forgetAnOlderRealm(dir, realmFile);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve("csp-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            List<String> command = List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + management,
                    "--hostname=http://127.0.0.1:" + httpPort,
                    "--import-realm",
                    "--health-enabled=true",
                    "--db-url=jdbc:h2:file:" + dir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
            ChildProcess keycloak = ChildProcess.start(
                    "keycloak",
                    command,
                    Map.of(
                            "JAVA_HOME",
                            System.getProperty("java.home"),
                            "JAVA_OPTS_KC_HEAP",
                            "-Xms64m -Xmx512m",
                            // created with a fresh database only (the realm file changed, or a first start)
                            "KC_BOOTSTRAP_ADMIN_USERNAME",
                            ADMIN_USER,
                            "KC_BOOTSTRAP_ADMIN_PASSWORD",
                            adminPassword(dir)),
                    dir.resolve("keycloak.log"));
            // The first start of a fresh distribution re-augments it (about a minute on two cores).
            keycloak.awaitHttp("http://127.0.0.1:" + management + "/health/ready", Duration.ofMinutes(4));
            System.setProperty(DATA_DIR_PROPERTY + "http://127.0.0.1:" + httpPort, dir.toString());
            return new LocalKeycloak(keycloak, httpPort, DemoRealm.read(realmFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start in " + dataDir, e);
        }
    }

    /**
     * The administrator's password of the Keycloak whose data is in {@code dir}: random, made at the first start and
     * kept in {@link #ADMIN_PASSWORD_FILE} (readable by its owner only), so that no password is written in the source.
     */
    private static String adminPassword(Path dir) throws IOException {
        Path file = dir.resolve(ADMIN_PASSWORD_FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(file, java.util.HexFormat.of().formatHex(random) + "\n");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).strip();
    }

    /** The administrator's password of the Keycloak this JVM started at {@code base} ({@code http://127.0.0.1:port}). */
    static String adminPassword(String base) {
        String dir = System.getProperty(DATA_DIR_PROPERTY + base);
        if (dir == null) {
            throw new IllegalStateException("No Keycloak at " + base + " was started by this JVM");
        }
        try {
            return adminPassword(Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("The administrator's password of " + base + " is unreadable", e);
        }
    }

    /**
     * Keycloak imports the realm file only into an empty database. The database holds nothing but the local demo
     * realm, so when the realm file changed since it was imported, it is dropped and the new file imported.
     */
    private static void forgetAnOlderRealm(Path dir, Path realmFile) throws IOException {
        String digest;
        try {
            digest = java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(realmFile)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path imported = dir.resolve("realm.sha256");
        if (Files.exists(imported) && Files.readString(imported).strip().equals(digest)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("keycloakdb"))
                    .toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(imported, digest + "\n");
    }

    public String realmUrl() {
        return realmUrl(port);
    }

    static String realmUrl(int port) {
        return "http://127.0.0.1:" + port + "/realms/csp";
    }

    public int port() {
        return port;
    }

    /** A demo user's access token, with the credentials of the imported realm file. */
    public String userToken(String user) {
        return token(realmUrl(), realm.userLogin(user));
    }

    /** A machine client's access token (client-credentials grant), with the credentials of the imported realm file. */
    public String clientToken(String clientId) {
        return token(realmUrl(), realm.clientLogin(clientId));
    }

    static String token(String realmUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException(
                        "Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.stop();
    }
}
