package org.csp.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Chromium the browser tests drive: the one {@code CSP_CHROMIUM} names, else Debian's ({@code /usr/bin/chromium}),
 * installed with apt when this runs as root on a machine that has apt and has no Chromium yet. Never a browser
 * downloaded by a test tool. Where none can be had, the tests fail with a message saying what to install; they are
 * never skipped.
 */
public final class Chromium {

    /** Where Debian's package puts it (and Ubuntu's older name). */
    static final List<Path> INSTALLED = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private static final System.Logger LOG = System.getLogger(Chromium.class.getName());

    /** What Chromium needs on a closed machine as root: no sandbox (root), and no calls home that fail. */
    public static final List<String> ARGUMENTS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private Chromium() {}

    /** The executable, installing Debian's package first where that is possible. */
    public static synchronized Path executable() {
        String named = System.getenv("CSP_CHROMIUM");
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("CSP_CHROMIUM names " + named + ", which is not an executable file.");
            }
            return path;
        }
        Optional<Path> installed = installed();
        if (installed.isPresent()) {
            return installed.get();
        }
        if (root() && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            LOG.log(System.Logger.Level.INFO, "No Chromium here: installing Debian's chromium with apt-get …");
            // the package lists of a fresh machine may be old or empty: update them once when the install fails
            if (!aptGet("install", "-y", "-q", "chromium")) {
                aptGet("update", "-q");
                aptGet("install", "-y", "-q", "chromium");
            }
            installed = installed();
            if (installed.isPresent()) {
                return installed.get();
            }
        }
        throw new IllegalStateException("The browser tests need Chromium and found none. Install Debian's package"
                + " (as root: apt-get install chromium), or name an installed Chromium in CSP_CHROMIUM.");
    }

    private static Optional<Path> installed() {
        return INSTALLED.stream().filter(Files::isExecutable).findFirst();
    }

    private static boolean root() {
        try {
            Process id =
                    new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean aptGet(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("apt-get"));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process apt = builder.start();
            if (!apt.waitFor(15, TimeUnit.MINUTES)) {
                apt.destroyForcibly();
                return false;
            }
            return apt.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("apt-get could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
