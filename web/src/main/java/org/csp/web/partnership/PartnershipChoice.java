package org.csp.web.partnership;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.csp.web.display.Words;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which partnership the pages show. A person who works for one partnership (the access token's {@value #CLAIM}
 * claim) sees that one, and the gateway knows it from their token. A person who serves several (the
 * {@value #SERVED_CLAIM} claim: a county analyst) chooses one with the switcher; the choice is kept in a cookie and
 * every call to the gateway names it ({@link PartnershipParameter}); before any choice, the first of them is shown.
 */
@Named("partnership")
@RequestScoped
public class PartnershipChoice {

    static final String CLAIM = "partnership";
    static final String SERVED_CLAIM = "partnerships";
    static final String COOKIE = "csp-partnership";
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** A partnership to choose: its id and its name in words, and whether it is the one shown. */
    public record Option(String id, String name, boolean chosen) {}

    private final SecurityIdentity identity;
    private final JsonWebToken accessToken;
    private final CurrentVertxRequest request;

    @Inject
    public PartnershipChoice(SecurityIdentity identity, JsonWebToken accessToken, CurrentVertxRequest request) {
        this.identity = identity;
        this.accessToken = accessToken;
        this.request = request;
    }

    /** The partnerships this person's token reaches, in order; none when not signed in. */
    public List<String> served() {
        if (identity.isAnonymous()) {
            return List.of();
        }
        return served(accessToken.getClaim(CLAIM), accessToken.getClaim(SERVED_CLAIM));
    }

    /** Whether this person chooses among several partnerships (and the pages show the switcher). */
    public boolean several() {
        return served().size() > 1;
    }

    /** The partnership a person serving several has chosen (the first before any choice); null for everyone else. */
    public String chosen() {
        List<String> served = served();
        if (served.size() < 2) {
            return null;
        }
        Cookie cookie = request.getCurrent() == null
                ? null
                : request.getCurrent().request().getCookie(COOKIE);
        return cookie != null && served.contains(cookie.getValue()) ? cookie.getValue() : served.getFirst();
    }

    /** The switcher's choices. */
    public List<Option> options() {
        String chosen = chosen();
        return served().stream()
                .map(id -> new Option(id, Words.place(id), id.equals(chosen)))
                .toList();
    }

    /** The partnerships of a token: its own one, else those its {@value #SERVED_CLAIM} claim lists (pure). */
    static List<String> served(Object own, Object servedClaim) {
        String claimed = own == null ? null : own.toString().replace("\"", "");
        if (claimed != null && ID.matcher(claimed).matches()) {
            return List.of(claimed);
        }
        TreeSet<String> served = new TreeSet<>();
        if (servedClaim instanceof Collection<?> values) {
            values.forEach(value -> served.add(value.toString().replace("\"", "")));
        } else if (servedClaim != null) {
            served.add(servedClaim.toString().replace("\"", ""));
        }
        served.removeIf(id -> !ID.matcher(id).matches());
        return List.copyOf(served);
    }
}
