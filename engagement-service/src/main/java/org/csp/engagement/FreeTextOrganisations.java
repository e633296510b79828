package org.csp.engagement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.csp.problem.Validation;

/**
 * Organisations named in free text, as engagement records and case reviews take them until they are checked against
 * the organisation registry: each name is text partners may see (refused when it holds personal data), repeats are
 * dropped, and an error names the field as the client sent it ({@code organisationNames[2]}, or the deprecated name).
 */
public final class FreeTextOrganisations {

    private FreeTextOrganisations() {}

    /** The names, at most {@code max} of them; none when none were sent. */
    public static List<String> check(Validation v, Aliased<List<String>> given, int max) {
        Set<String> names = new LinkedHashSet<>(); // in the order given, repeats dropped, without a scan per name
        if (given.value() != null) {
            v.require(given.value().size() <= max, given.field(), "must list at most " + max + " organisations");
            for (int i = 0; i < given.value().size() && i < max; i++) {
                String name = v.publicText(given.value().get(i), given.field() + "[" + i + "]", 200);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }
}
