package org.csp.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.csp.deploy.LocalStack;

/**
 * The manifests as {@code deploy/kubernetes/render} renders an overlay (Kustomize, as an operator would run it), read
 * as YAML, and the applications' own settings they must agree with.
 */
final class Rendered {

    static final Path KUBERNETES = ProductionRealmTest.REPO.resolve("deploy/kubernetes");

    /** The five applications, each its module's directory and the name of its Deployment, Service and images. */
    static final List<String> APPLICATIONS = LocalStack.APPLICATIONS;

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Rendered() {}

    /** {@code render <overlay> <arguments…>}: its exit status and what it wrote to the output file and to stderr. */
    record Run(int status, List<JsonNode> objects, String errors) {}

    static Run run(String overlay, String... arguments) {
        try {
            Path out = Files.createDirectories(ProductionRealmTest.REPO.resolve("deploy/target/kubernetes"));
            Path output = Files.createTempFile(out, overlay, ".yaml");
            Path errors = Files.createTempFile(out, overlay, ".err");
            List<String> command = new ArrayList<>(
                    List.of("bash", KUBERNETES.resolve("render").toString(), overlay, "--output", output.toString()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("render " + overlay + " did not end in 5 minutes");
            }
            int status = process.exitValue();
            return new Run(status, status == 0 ? CrdSchemas.documents(output) : List.of(), Files.readString(errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every object of {@code overlay} as rendered with a test registry and tag (rendered once per test run). */
    static List<JsonNode> overlay(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            Run run = run(name, "--registry", "registry.test.example/stroud", "--tag", "1.2.3");
            if (run.status() != 0) {
                throw new IllegalStateException("render " + name + " failed: " + run.errors());
            }
            return run.objects();
        });
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return find(objects, kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the manifests"));
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst();
    }

    /** The container of an application's Deployment. */
    static JsonNode container(JsonNode deployment) {
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0);
    }

    /** A setting of an application's {@code application.properties} (its port, its relay's topic, …). */
    static String property(String application, String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ProductionRealmTest.REPO.resolve(application + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(name);
    }
}
