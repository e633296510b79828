package org.csp.http;

import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.PARTNER_AGENCY;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.regex.Pattern;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which partnership a request is about, and whether its caller may reach it. A person's token carries the
 * {@value #CLAIM} claim of the partnership they work for: they reach that partnership only, and it is the default
 * when the request does not name one. County-wide machine identities (partner agencies, the county analyst) carry
 * no such claim and name the partnership with the {@code partnership} query parameter, or get the deployment's
 * default ({@code csp.partnership.default}). Any other token without the claim reaches nothing. Partnerships are
 * data: a new district needs no code.
 */
@ApplicationScoped
public class Partnerships {

    /** The token claim naming the partnership a person works for. */
    public static final String CLAIM = "partnership";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final String defaultPartnership;
    private final Instance<JsonWebToken> token;
    private final Instance<SecurityIdentity> identity;

    public Partnerships(PartnershipConfig config, Instance<JsonWebToken> token, Instance<SecurityIdentity> identity) {
        this.defaultPartnership = config.defaultId();
        this.token = token;
        this.identity = identity;
    }

    /** The partnership of this request; 403 when the caller's token does not reach it. */
    public String resolve(String requested) {
        String claimed = claimed();
        String partnership;
        if (requested == null || requested.isBlank()) {
            partnership = claimed != null ? claimed : defaultPartnership;
        } else if (!ID.matcher(requested).matches()) {
            throw new ProblemException(
                    400,
                    "invalid-partnership",
                    "Unknown partnership id format",
                    "partnership must be a lower-case id such as 'stroud'.");
        } else {
            partnership = requested;
        }
        if (claimed != null && !claimed.equals(partnership)) {
            throw new ProblemException(
                    403,
                    "other-partnership",
                    "Another partnership's data",
                    "Your account belongs to partnership '" + claimed + "' and cannot reach '" + partnership + "'.");
        }
        if (claimed == null && !countyWide()) {
            throw new ProblemException(
                    403,
                    "no-partnership",
                    "No partnership",
                    "Your account is not linked to a partnership (the token has no '" + CLAIM + "' claim).");
        }
        return partnership;
    }

    /**
     * The one partnership a request that spans partnerships (a county-wide batch of figures) is limited to: the one
     * asked for or the caller's own, as {@link #resolve}; null when a county-wide caller asked for none.
     */
    public String scope(String requested) {
        if ((requested == null || requested.isBlank()) && claimed() == null && countyWide()) {
            return null;
        }
        return resolve(requested);
    }

    private String claimed() {
        if (!token.isResolvable()) {
            return null;
        }
        Object claim = token.get().getClaim(CLAIM);
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    private boolean countyWide() {
        if (!identity.isResolvable()) {
            return false;
        }
        SecurityIdentity caller = identity.get();
        return caller.hasRole(PARTNER_AGENCY) || caller.hasRole(COUNTY_ANALYST);
    }
}
