package org.csp.eventcatalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event type string read for the catalogue: {@code plan.initiative.updated.v2} is what happened ({@code initiative
 * updated}) on its topic, in version 2.
 */
record EventType(String type, String what, int version) {

    private static final Pattern TYPE = Pattern.compile("[a-z]+\\.([a-z-]+(?:\\.[a-z-]+)*)\\.v(\\d+)");

    static EventType of(String type) {
        Matcher matcher = TYPE.matcher(type);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + type + "' is not an event type string");
        }
        return new EventType(
                type, matcher.group(1).replace('.', ' ').replace('-', ' '), Integer.parseInt(matcher.group(2)));
    }

    /** A title for people: {@code Initiative updated, v2}. */
    String title() {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + ", v" + version;
    }
}
