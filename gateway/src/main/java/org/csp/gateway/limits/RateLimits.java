package org.csp.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.csp.problem.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

    /** The 429 for a caller over its limit: the problem, and {@code Retry-After} in whole seconds (at least 1). */
    public record Refusal(long retryAfterSeconds, Problem problem) {}

    /** Empty when the request at {@code path} may go on; the 429 to answer otherwise. */
    public Optional<Refusal> refusal(Caller caller, String path) {
        OptionalLong wait = tryTake(caller);
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.getAsLong() + TimeUnit.SECONDS.toNanos(1) - 1));
        return Optional.of(new Refusal(
                seconds,
                new Problem(
                        Problem.typeUri("rate-limited"),
                        "Too many requests",
                        429,
                        "You have sent more requests than this client's limit allows; retry after " + seconds
                                + " s. Nothing was stored.",
                        path,
                        List.of())));
    }

    /**
     * Who a request counts against: its token's client ({@code azp}) and subject, so that each person signed in
     * through one client (the web frontend's {@code csp-web}) counts on their own, and a machine client (whose tokens
     * all have its service account's subject) on its own; its remote address without a valid token.
     */
    public static Caller caller(RoutingContext context, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            String client = token.getClaim("azp");
            return new Client((client != null ? client : "no client") + " " + token.getSubject());
        }
        return new Address(context.request().remoteAddress().hostAddress());
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
