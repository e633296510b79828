package org.csp.engagement.engagement;

import org.csp.codes.Coded;

import java.util.regex.Pattern;

/** Where an engagement took place, by the GSS code of its area: a ward (E05…), a parish (E04…) or the district (E07…). */
public enum PlaceLevel implements Coded {
    WARD("E05\\d{6}"), PARISH("E04\\d{6}"), DISTRICT("E0[67]\\d{6}");

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
