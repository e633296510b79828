package org.csp.deploy;

import java.nio.file.Path;
import java.util.UUID;
import org.csp.deploy.kubernetes.CrdSchemas;
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
        return LocalStack.SERVICES.stream()
                .flatMap(
                        service -> CrdSchemas.documents(
                                RepoRoot.find().resolve("deploy/kubernetes/base/apps/" + service + ".yaml"))
                                .stream())
                .filter(document -> document.path("kind").asText().equals("Deployment"))
                .mapToInt(document -> document.at("/spec/replicas").asInt())
                .min()
                .orElseThrow();
    }
}
