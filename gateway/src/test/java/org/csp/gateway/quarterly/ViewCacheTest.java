package org.csp.gateway.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A view is built and written once per tag; a new tag (a new tick) builds anew; a failed build keeps nothing. */
class ViewCacheTest {

    private record View(int build) {}

    private static String get(ViewCache cache, String etag, AtomicInteger builds) {
        return new String(
                cache.get(etag, () -> Uni.createFrom().item(new View(builds.incrementAndGet())))
                        .await()
                        .indefinitely(),
                StandardCharsets.UTF_8);
    }

    @Test
    void aViewIsBuiltOncePerTag() {
        ViewCache cache = new ViewCache(new ObjectMapper(), 2);
        AtomicInteger builds = new AtomicInteger();
        assertEquals("{\"build\":1}", get(cache, "\"1-7-a\"", builds));
        assertEquals("{\"build\":1}", get(cache, "\"1-7-a\"", builds), "the same tag names the same view");
        assertEquals("{\"build\":2}", get(cache, "\"1-8-a\"", builds), "a new tick is a new tag: built again");
        assertEquals(2, builds.get());
    }

    @Test
    void aFailedBuildKeepsNothing() {
        ViewCache cache = new ViewCache(new ObjectMapper(), 2);
        Uni<byte[]> failed = cache.get("\"1-7-a\"", () -> Uni.createFrom().failure(new IllegalStateException("down")));
        assertEquals(
                "down",
                failed.map(String::new)
                        .onFailure()
                        .recoverWithItem(Throwable::getMessage)
                        .await()
                        .indefinitely());
        assertEquals("{\"build\":1}", get(cache, "\"1-7-a\"", new AtomicInteger()));
    }
}
