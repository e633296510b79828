package org.csp.eventsourcing;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who caused an event: the token's subject and the OIDC client it was issued to. */
public record Actor(String subject, String client) {

    /** The platform itself, e.g. when it loads the plan at first start. */
    public static final Actor SYSTEM = new Actor("system", "csp-platform");

    public static Actor of(JsonWebToken token) {
        String client = token.getClaim("azp");
        return new Actor(token.getSubject(), client == null ? token.getClaim("client_id") : client);
    }
}
