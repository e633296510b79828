package org.csp.web.session;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Where Quarkus keeps a signed-in person's tokens between requests: in {@link SessionStore}, on the server, instead of
 * in the session cookie (Quarkus' default). The cookie carries the session's id alone, so no token ever reaches the
 * browser (backend for frontend). Quarkus' own database token-state manager does the same but is not on the Maven
 * mirror this project builds from.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokens implements TokenStateManager {

    private static final Logger LOG = Logger.getLogger(ServerSideTokens.class);

    private final SessionStore sessions;

    public ServerSideTokens(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<String> createTokenState(
            RoutingContext request,
            OidcTenantConfig oidc,
            AuthorizationCodeTokens tokens,
            OidcRequestContext<String> context) {
        // how long Quarkus makes the session cookie live (the ID token's lifetime and the configured extension)
        Long maxAge = request.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
        Instant expiresAt = Instant.now().plusSeconds(maxAge == null ? 3600 : maxAge);
        return sessions.save(
                        new SessionStore.Tokens(
                                tokens.getIdToken(),
                                tokens.getAccessToken(),
                                tokens.getRefreshToken(),
                                tokens.getAccessTokenExpiresIn()),
                        expiresAt)
                .onFailure()
                .transform(failure -> new AuthenticationFailedException("the session could not be stored", failure));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(
            RoutingContext request,
            OidcTenantConfig oidc,
            String tokenState,
            OidcRequestContext<AuthorizationCodeTokens> context) {
        return sessions.find(tokenState)
                .onFailure()
                .transform(failure -> new AuthenticationCompletionException("the session could not be read", failure))
                .map(found -> found.map(tokens -> new AuthorizationCodeTokens(
                                tokens.idToken(),
                                tokens.accessToken(),
                                tokens.refreshToken(),
                                tokens.accessTokenExpiresIn()))
                        .orElseThrow(() -> new AuthenticationCompletionException("no such session")));
    }

    @Override
    public Uni<Void> deleteTokens(
            RoutingContext request, OidcTenantConfig oidc, String tokenState, OidcRequestContext<Void> context) {
        return sessions.delete(tokenState).onFailure().recoverWithItem(failure -> {
            LOG.warnf("a session could not be deleted: %s", failure.getMessage());
            return null;
        });
    }
}
