package org.csp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import org.csp.infrastructure.RepoRoot;

/** A whole local stack for one test class: free ports, and a data folder of its own under {@code csp.stack.data}. */
public final class TestStacks {

    private TestStacks() {}

    /**
     * A stack run as the Kubernetes manifests run the platform: as many instances of each service and the gateway as
     * their Deployments ask for ({@code deploy/kubernetes/base/apps/}, the fewest of them: two), each set behind one
     * address as behind a Service, so that every end-to-end check holds with replicas.
     */
    static LocalStack start() {
        return LocalStack.start(settings(Path.of(
                System.getProperty("csp.stack.data", "target/e2e"),
                UUID.randomUUID().toString())));
    }

    /** As {@link #start()}'s, with {@code data} as the stack's data folder. */
    public static LocalStack.Settings settings(Path data) {
        return LocalStack.Settings.ephemeral(data).withReplicas(manifestReplicas());
    }

    /** The fewest replicas any Deployment of a service or the gateway asks for. */
    public static int manifestReplicas() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        int fewest = Integer.MAX_VALUE;
        for (String service : LocalStack.SERVICES) {
            Path file = RepoRoot.find().resolve("deploy/kubernetes/base/apps/" + service + ".yaml");
            try (var parser = yaml.getFactory().createParser(file.toFile())) {
                var documents = yaml.readValues(parser, JsonNode.class);
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document.path("kind").asText().equals("Deployment")) {
                        fewest = Math.min(fewest, document.at("/spec/replicas").asInt());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fewest;
    }
}
