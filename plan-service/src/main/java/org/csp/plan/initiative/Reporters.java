package org.csp.plan.initiative;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.ORG_CLAIM;
import static org.csp.security.Roles.PRIORITY_LEAD;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.function.Predicate;
import org.csp.eventsourcing.Actor;
import org.csp.http.ApiCall;
import org.csp.plan.initiative.InitiativeEvent.Reporter;

/** Who reports progress, from the request's token, never from its body. */
@ApplicationScoped
public class Reporters {

    private final ApiCall call;
    private final Instance<SecurityIdentity> identity;

    public Reporters(ApiCall call, Instance<SecurityIdentity> identity) {
        this.call = call;
        this.identity = identity;
    }

    /** The caller of this request as the reporter of progress: {@code actor}'s subject, its role and organisation. */
    public Reporter of(Actor actor) {
        SecurityIdentity caller = identity.get();
        return reporter(actor.subject(), caller::hasRole, call.claim(ORG_CLAIM));
    }

    /**
     * The reporter a caller with these roles and {@code org} claim is: as the coordinator when it holds that role (which
     * reports on every priority, as {@code PriorityLeads} lets it), else as a priority lead; null as neither. A blank
     * organisation is none.
     */
    static Reporter reporter(String subject, Predicate<String> hasRole, String organisation) {
        String role = hasRole.test(COORDINATOR) ? COORDINATOR : hasRole.test(PRIORITY_LEAD) ? PRIORITY_LEAD : null;
        String org = organisation == null || organisation.isBlank() ? null : organisation.replace("\"", "");
        return new Reporter(subject, role, org);
    }
}
