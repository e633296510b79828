package org.csp.gateway.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A view is built once per tag; a new tag (a new tick) builds anew; a failed build keeps nothing. */
class ViewCacheTest {

    @Test
    void aViewIsBuiltOncePerTag() {
        ViewCache<String> cache = new ViewCache<>(2);
        AtomicInteger builds = new AtomicInteger();
        String first = cache.get("\"1-7-a\"", () -> Uni.createFrom().item("view " + builds.incrementAndGet()))
                .await()
                .indefinitely();
        String again = cache.get("\"1-7-a\"", () -> Uni.createFrom().item("view " + builds.incrementAndGet()))
                .await()
                .indefinitely();
        String next = cache.get("\"1-8-a\"", () -> Uni.createFrom().item("view " + builds.incrementAndGet()))
                .await()
                .indefinitely();
        assertEquals("view 1", first);
        assertEquals("view 1", again, "the same tag names the same view");
        assertEquals("view 2", next, "a new tick is a new tag: built again");
        assertEquals(2, builds.get());
    }

    @Test
    void aFailedBuildKeepsNothing() {
        ViewCache<String> cache = new ViewCache<>(2);
        Uni<String> failed = cache.get("\"1-7-a\"", () -> Uni.createFrom().failure(new IllegalStateException("down")));
        assertEquals(
                "down",
                failed.onFailure()
                        .recoverWithItem(Throwable::getMessage)
                        .await()
                        .indefinitely());
        assertEquals(
                "built",
                cache.get("\"1-7-a\"", () -> Uni.createFrom().item("built"))
                        .await()
                        .indefinitely());
    }
}
