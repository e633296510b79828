package org.csp.engagement.engagement;

import org.csp.codes.Coded;

import java.util.regex.Pattern;

/**
 * Where an engagement took place, by the GSS code of its area: a ward (E05…), a parish (E04…) or, district-wide, one
 * of Gloucestershire's six districts (Cheltenham E07000078, Cotswold E07000079, Forest of Dean E07000080, Gloucester
 * E07000081, Stroud E07000082, Tewkesbury E07000083). Ward and parish codes are checked by their pattern until the
 * geography file lists them.
 */
public enum PlaceLevel implements Coded {
    WARD("E05\\d{6}"), PARISH("E04\\d{6}"), DISTRICT("E0700007[89]|E0700008[0-3]");

    private final Pattern pattern;

    PlaceLevel(String pattern) {
        this.pattern = Pattern.compile(pattern);
    }

    public static PlaceLevel of(String code) {
        return Coded.of(PlaceLevel.class, code);
    }

    public boolean matches(String gss) {
        return pattern.matcher(gss).matches();
    }

    public String pattern() {
        return pattern.pattern();
    }
}
