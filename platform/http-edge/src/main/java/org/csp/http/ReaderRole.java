package org.csp.http;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.csp.security.Roles;

/**
 * Gives the {@value Roles#READER} role to every caller holding one of {@link Roles#READING_ROLES}, so that an endpoint
 * everyone signed in to the partnership may read says {@code @RolesAllowed(READER)} instead of listing six roles.
 */
@ApplicationScoped
public class ReaderRole implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(withReader(identity));
    }

    static SecurityIdentity withReader(SecurityIdentity identity) {
        if (identity.isAnonymous()
                || identity.hasRole(Roles.READER)
                || identity.getRoles().stream().noneMatch(Roles.READING_ROLES::contains)) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity).addRole(Roles.READER).build();
    }
}
