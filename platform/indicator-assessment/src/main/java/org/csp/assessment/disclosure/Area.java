package org.csp.assessment.disclosure;

/**
 * A geography of a public table, by its GSS code, and the area it is part of: a ward's district, a district's county;
 * null for an area the table holds no larger area for.
 */
public record Area(String code, String parent) {

    public Area {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an area needs a code");
        }
    }
}
