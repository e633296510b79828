package org.csp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resident memory of the local stack's applications (every process running a module's
 * {@code target/quarkus-app/quarkus-run.jar}), as Linux counts it ({@code VmRSS} in {@code /proc/<pid>/status}): what a
 * pod of the application would hold, from which the Kubernetes manifests' memory requests are set.
 */
final class ResidentMemory {

    private static final Pattern JAR = Pattern.compile("/([a-z-]+)/target/quarkus-app/quarkus-run\\.jar");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

    private ResidentMemory() {}

    record Instance(String application, long pid, long mebibytes) {}

    static List<Instance> ofApplications() {
        List<Instance> instances = new ArrayList<>();
        ProcessHandle.allProcesses()
                .forEach(process -> process.info()
                        .commandLine()
                        .map(JAR::matcher)
                        .filter(Matcher::find)
                        .ifPresent(jar -> {
                            try {
                                Matcher rss =
                                        RSS.matcher(Files.readString(Path.of("/proc/" + process.pid() + "/status")));
                                if (rss.find()) {
                                    instances.add(new Instance(
                                            jar.group(1), process.pid(), Long.parseLong(rss.group(1)) / 1024));
                                }
                            } catch (IOException ended) {
                                // the process ended meanwhile
                            }
                        }));
        instances.sort(Comparator.comparing(Instance::application).thenComparing(Instance::pid));
        return instances;
    }

    /** A Markdown table of {@link #ofApplications()}, headed by {@code when}. */
    static void print(String when) {
        System.out.printf("%nResident memory of the applications, %s:%n%n", when);
        System.out.println("| application | pid | resident MiB |");
        System.out.println("|---|---:|---:|");
        for (Instance instance : ofApplications()) {
            System.out.printf("| %s | %d | %,d |%n", instance.application(), instance.pid(), instance.mebibytes());
        }
    }
}
