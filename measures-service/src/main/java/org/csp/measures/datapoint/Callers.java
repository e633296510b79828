package org.csp.measures.datapoint;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.ORG_CLAIM;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.csp.http.ApiCall;
import org.csp.problem.ProblemException;

/** Who posts figures, from the request's token, never from the body. */
@ApplicationScoped
public class Callers {

    private final ApiCall call;
    private final SecurityIdentity identity;

    public Callers(ApiCall call, SecurityIdentity identity) {
        this.call = call;
        this.identity = identity;
    }

    /**
     * The caller of this request: its subject and client, the one partnership it may post for (its own, or the one it
     * asked for; none for a county-wide partner system that asked for none) and, unless it is the coordinator, the
     * organisation its token's {@code org} claim names.
     */
    public DataPoints.Caller current(String partnership) {
        String organisation = null;
        if (!identity.hasRole(COORDINATOR)) {
            organisation = call.claim(ORG_CLAIM);
            if (organisation == null || organisation.isBlank()) {
                throw ProblemException.forbidden(
                        "The client's token carries no '" + ORG_CLAIM + "' claim naming its organisation.");
            }
        }
        return new DataPoints.Caller(call.actor(), call.partnershipScope(partnership), call.served(), organisation);
    }
}
