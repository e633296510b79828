package org.csp.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Data files shipped on the class path (a partnership's plan, its indicators) that a service loads at first start. */
public final class SeedFiles {

    private SeedFiles() {}

    /** Reads a JSON resource; a missing or unreadable file stops the start-up with its name. */
    public static <T> T read(ObjectMapper json, String resource, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed file '" + resource + "' is not on the class path");
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + resource, e);
        }
    }
}
