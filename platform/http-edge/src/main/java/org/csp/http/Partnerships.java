package org.csp.http;

import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.PARTNER_AGENCY;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.csp.partnership.PartnershipRegistry;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which partnership a request is about, and whether its caller may reach it. A person's token carries the
 * {@value #CLAIM} claim of the partnership they work for: they reach that partnership only, and it is the default
 * when the request does not name one. A machine client (a partner agency, the county analyst) carries the
 * {@value #SERVED_CLAIM} claim listing the partnerships it serves: it names one with the {@code partnership} query
 * parameter (400 when it names none where one is needed: there is no default) and reaches only those it serves (403
 * for any other). Any other token reaches nothing. Partnerships are data: a new district needs no code.
 */
@ApplicationScoped
public class Partnerships {

    /** The token claim naming the partnership a person works for. */
    public static final String CLAIM = "partnership";

    /** The token claim listing the partnerships a machine client serves. */
    public static final String SERVED_CLAIM = "partnerships";

    private final Instance<JsonWebToken> token;
    private final Instance<SecurityIdentity> identity;

    public Partnerships(Instance<JsonWebToken> token, Instance<SecurityIdentity> identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The partnership of this request; 400 when it names none and the caller has no own one, 403 out of reach. */
    public String resolve(String requested) {
        return current().resolve(requested);
    }

    /**
     * The one partnership a request that spans partnerships (a county-wide batch of figures) is limited to: the one
     * asked for or the caller's own, as {@link #resolve}; null when a machine client asked for none (then each part
     * must be one it {@link #served serves}).
     */
    public String scope(String requested) {
        return current().scope(requested);
    }

    /**
     * The partnerships this caller reaches: a person's own, or those a machine client's {@value #SERVED_CLAIM} claim
     * lists; none for any other token.
     */
    public Set<String> served() {
        return current().served();
    }

    /** The caller of a request handled outside JAX-RS (a Vert.x route), from its identity. */
    public static Caller of(SecurityIdentity identity) {
        return new Caller(
                identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null,
                identity.isAnonymous() ? null : identity);
    }

    private Caller current() {
        return new Caller(token.isResolvable() ? token.get() : null, identity.isResolvable() ? identity.get() : null);
    }

    /** A 403 for a request that reaches partnerships the caller does not serve. */
    public static ProblemException notServed(Set<String> asked, Set<String> served) {
        return new ProblemException(
                403,
                "other-partnership",
                "A partnership this client does not serve",
                "This client serves " + (served.isEmpty() ? "no partnership" : String.join(", ", new TreeSet<>(served)))
                        + "; the request reaches " + String.join(", ", new TreeSet<>(asked)) + ".");
    }

    /** The rules above for one caller: its token (null without one) and its identity (null when anonymous). */
    public record Caller(JsonWebToken token, SecurityIdentity identity) {

        public String resolve(String requested) {
            String claimed = claimed();
            boolean named = requested != null && !requested.isBlank();
            if (named && !PartnershipRegistry.ID.matcher(requested).matches()) {
                throw new ProblemException(
                        400,
                        "invalid-partnership",
                        "Unknown partnership id format",
                        "partnership must be a lower-case id such as 'stroud'.");
            }
            if (claimed != null) {
                if (named && !claimed.equals(requested)) {
                    throw new ProblemException(
                            403,
                            "other-partnership",
                            "Another partnership's data",
                            "Your account belongs to partnership '" + claimed + "' and cannot reach '" + requested
                                    + "'.");
                }
                return claimed;
            }
            if (!countyWide()) {
                throw new ProblemException(
                        403,
                        "no-partnership",
                        "No partnership",
                        "Your account is not linked to a partnership (the token has no '" + CLAIM + "' claim).");
            }
            Set<String> served = served();
            if (!named) {
                throw new ProblemException(
                        400,
                        "partnership-required",
                        "Name the partnership",
                        "This client serves several partnerships: name one with ?partnership= (one of "
                                + String.join(", ", new TreeSet<>(served)) + ").");
            }
            if (!served.contains(requested)) {
                throw notServed(Set.of(requested), served);
            }
            return requested;
        }

        public String scope(String requested) {
            if ((requested == null || requested.isBlank()) && claimed() == null && countyWide()) {
                return null;
            }
            return resolve(requested);
        }

        public Set<String> served() {
            String claimed = claimed();
            if (claimed != null) {
                return Set.of(claimed);
            }
            if (!countyWide() || token == null) {
                return Set.of();
            }
            Object claim = token.getClaim(SERVED_CLAIM);
            Set<String> served = new TreeSet<>();
            if (claim instanceof Collection<?> values) {
                values.forEach(value -> served.add(value.toString().replace("\"", "")));
            } else if (claim != null) {
                served.add(claim.toString().replace("\"", ""));
            }
            return Set.copyOf(served);
        }

        String claimed() {
            if (token == null) {
                return null;
            }
            Object claim = token.getClaim(CLAIM);
            return claim == null ? null : claim.toString().replace("\"", "");
        }

        boolean countyWide() {
            if (identity == null) {
                return false;
            }
            return identity.hasRole(PARTNER_AGENCY) || identity.hasRole(COUNTY_ANALYST);
        }
    }
}
