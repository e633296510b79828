package org.csp.gateway.quarterly;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Views already built, kept by their entity tag ({@link ViewClock#etag}): a tag names the projection's generation and
 * tick and what the request asked for, so the view it names never changes, and a view kept under it is the one a new
 * read would build. Bounded (the least recently read go first) and forgotten after a while unread; a new tick makes new
 * tags, so what changed is never served from here. Two requests that miss at once both build; the second's is kept.
 */
public final class ViewCache<T> {

    private final Cache<String, T> kept;

    /** At most {@code size} views. */
    public ViewCache(int size) {
        this.kept = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** The view named by {@code etag}: the one kept, or the one {@code build} makes, then kept. */
    public Uni<T> get(String etag, Supplier<Uni<T>> build) {
        T known = kept.getIfPresent(etag);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return build.get().invoke(view -> kept.put(etag, view));
    }
}
