package org.csp.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the build left for this module: the Kafka broker's class path and the unpacked Keycloak. */
final class Resources {

    private Resources() {}

    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build local-infrastructure with ./mvnw first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kafkaClasspath() {
        return text("kafka-broker.classpath").strip();
    }

    static Path keycloakHome() {
        Properties properties = new Properties();
        try (InputStream in = Resources.class.getResourceAsStream("infrastructure.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(
                    "infrastructure.properties is missing: build local-infrastructure with ./mvnw first", e);
        }
        Path home = Path.of(properties.getProperty("keycloak.home"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    "Keycloak is not unpacked at " + home + ": run ./mvnw -pl local-infrastructure install");
        }
        return home;
    }
}
