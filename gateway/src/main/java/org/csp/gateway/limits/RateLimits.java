package org.csp.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per caller (Bucket4j, in memory): {@link #tryTake} takes one request's token without waiting. Bucket4j's
 * local buckets are lock-free (compare-and-swap), so this runs on the event loop and pins no thread. A bucket left
 * unused for longer than its period would be full again, so it is forgotten then (Caffeine, bounded): a forgotten
 * caller loses nothing, and callers the gateway has not seen for a while take no memory.
 */
@ApplicationScoped
public class RateLimits {

    /** Who a request counts against: a client by its id, or, with no token, an address. */
    public sealed interface Caller {
        String key();
    }

    public record Client(String id) implements Caller {
        @Override
        public String key() {
            return "client:" + id;
        }
    }

    public record Address(String address) implements Caller {
        @Override
        public String key() {
            return "address:" + address;
        }
    }

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;

    public RateLimits(RateLimitConfig config) {
        this.config = config;
        Duration longest = config.clientPeriod().compareTo(config.anonymousPeriod()) >= 0
                ? config.clientPeriod()
                : config.anonymousPeriod();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.trackedCallers())
                .expireAfterAccess(longest)
                .build();
    }

    /** Empty when the caller may go on; otherwise how long until it may send one more request. */
    public OptionalLong tryTake(Caller caller) {
        if (!config.enabled()) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe =
                buckets.get(caller.key(), key -> bucket(caller)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(Caller caller) {
        long requests = caller instanceof Client ? config.clientRequests() : config.anonymousRequests();
        Duration period = caller instanceof Client ? config.clientPeriod() : config.anonymousPeriod();
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(requests)
                        .refillGreedy(requests, period)
                        .build())
                .build();
    }
}
