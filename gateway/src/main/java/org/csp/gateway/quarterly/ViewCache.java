package org.csp.gateway.quarterly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Views already built, kept as the JSON they are answered with, by their entity tag ({@link ViewClock#etag}): a tag
 * names the projection's generation and tick and what the request asked for, so the view it names never changes, and
 * the bytes kept under it are those a new read would write. A view is read and written once per tag, however many
 * ask for it. Bounded (the least recently read go first) and forgotten after a while unread; a new tick makes new
 * tags, so what changed is never served from here. Two requests that miss at once both build; the second's is kept.
 */
public final class ViewCache {

    private final ObjectMapper json;
    private final Cache<String, byte[]> kept;

    /** At most {@code size} views, written by {@code json} (the application's, as it writes any other answer). */
    public ViewCache(ObjectMapper json, int size) {
        this.json = json;
        this.kept = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** The JSON of the view named by {@code etag}: the one kept, or that of the view {@code build} makes, then kept. */
    public Uni<byte[]> get(String etag, Supplier<? extends Uni<?>> build) {
        byte[] known = kept.getIfPresent(etag);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return build.get().map(this::write).invoke(bytes -> kept.put(etag, bytes));
    }

    private byte[] write(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
