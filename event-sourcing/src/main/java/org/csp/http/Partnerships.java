package org.csp.http;

import jakarta.enterprise.context.ApplicationScoped;
import org.csp.problem.ProblemException;

import java.util.regex.Pattern;

/**
 * Which partnership a request is about: the {@code partnership} query parameter, or the deployment's default
 * ({@code csp.partnership.default}). Partnerships are data: a new district needs no code.
 */
@ApplicationScoped
public class Partnerships {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final String defaultPartnership;

    public Partnerships(PartnershipConfig config) {
        this.defaultPartnership = config.defaultId();
    }

    public String resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultPartnership;
        }
        if (!ID.matcher(requested).matches()) {
            throw new ProblemException(400, "invalid-partnership", "Unknown partnership id format",
                    "partnership must be a lower-case id such as 'stroud'.");
        }
        return requested;
    }
}
