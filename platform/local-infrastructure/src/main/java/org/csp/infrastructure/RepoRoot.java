package org.csp.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: the nearest folder upwards holding the Maven wrapper and deploy/. */
public final class RepoRoot {

    private RepoRoot() {}

    public static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("deploy"))) {
                return p;
            }
        }
        throw new IllegalStateException("Not inside the platform's checkout: " + dir);
    }

    public static Path realmFile() {
        return find().resolve("deploy/keycloak/csp-realm.json");
    }
}
