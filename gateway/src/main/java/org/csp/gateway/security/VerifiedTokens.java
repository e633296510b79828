package org.csp.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway's bearer-token check, remembering the tokens it has verified: a client sends the same access token with
 * every request for the token's life (minutes), and checking its RS256 signature and parsing its claims each time was
 * the gateway's largest cost per forwarded request.
 *
 * <p>Quarkus OIDC ({@link OidcAuthenticationMechanism}) still checks every token the gateway has not seen: signature
 * from the realm's keys, RS256 only, issuer, audience, lifetime. Only a token it accepted is kept, keyed by the whole
 * token (a changed byte anywhere is another token, checked afresh), and only until the earlier of its {@code exp} and
 * {@code max-age}; a refused token is never kept, so each forged token is refused by OIDC itself every time. The cache
 * holds at most {@code size} tokens. The services behind the gateway check every token again (defence in depth).
 * Why this is safe enough, and what it gives up: docs/decisions.md.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final OidcAuthenticationMechanism oidc;
    private final Duration maxAge;
    private final Cache<String, Verified> verified;
    private final AtomicLong checks = new AtomicLong();

    /** A token OIDC accepted, the identity it made, and the instant the token expires. */
    private record Verified(SecurityIdentity identity, Instant expires) {}

    public VerifiedTokens(
            OidcAuthenticationMechanism oidc,
            @ConfigProperty(name = "csp.gateway.token-cache.size", defaultValue = "10000") long size,
            @ConfigProperty(name = "csp.gateway.token-cache.max-age", defaultValue = "5m") Duration maxAge) {
        this.oidc = oidc;
        this.maxAge = maxAge;
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(Expiry.<String, Verified>creating((token, entry) -> lifetime(entry)))
                .build();
    }

    /** How long an accepted token is kept: until it expires, at most {@code max-age}. */
    private Duration lifetime(Verified entry) {
        Duration left = Duration.between(Instant.now(), entry.expires());
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = bearer(context);
        if (token == null) {
            return oidc.authenticate(context, identities);
        }
        Verified known = verified.getIfPresent(token);
        if (known != null && Instant.now().isBefore(known.expires())) {
            return Uni.createFrom().item(forThisRequest(known.identity(), context));
        }
        checks.incrementAndGet();
        return oidc.authenticate(context, identities).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null
                && !identity.isAnonymous()
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && token.equals(jwt.getRawToken())
                && jwt.getExpirationTime() > 0) {
            verified.put(token, new Verified(identity, Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
    }

    /** The remembered identity, naming this request's routing context as OIDC's own identity would. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext context) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), context)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, context)
                .build();
    }

    /** The request's bearer token: exactly one Authorization header naming the scheme; otherwise OIDC decides. */
    private static String bearer(RoutingContext context) {
        List<String> values = context.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        if (values.size() != 1) {
            return null;
        }
        String value = values.get(0);
        return value.regionMatches(true, 0, BEARER, 0, BEARER.length()) && value.length() > BEARER.length()
                ? value.substring(BEARER.length())
                : null;
    }

    /** Tokens handed to OIDC to check since the gateway started (those not answered from the cache). */
    public long checks() {
        return checks.get();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return oidc.sendChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }
}
