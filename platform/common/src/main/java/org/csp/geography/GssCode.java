package org.csp.geography;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GSS geography code of the Office for National Statistics: a letter for the nation (E England, W Wales, S Scotland,
 * N Northern Ireland, K the UK or Great Britain) and eight digits, the first two of which name the kind of area
 * (the entity: E05 an electoral ward, E04 a parish, E06–E09 a district or unitary authority, E10 a county). The one
 * check of the code's form; whether a code is one of the places the platform knows is for the geography data.
 */
public record GssCode(String code) {

    /** A code's length: a letter and eight digits. */
    public static final int LENGTH = 9;

    private static final Pattern FORM = Pattern.compile("[EWSNK]\\d{" + (LENGTH - 1) + "}");

    public GssCode {
        if (code == null || !FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("not a GSS code: " + code);
        }
    }

    /** Empty when {@code text} is not a GSS code. */
    public static Optional<GssCode> parse(String text) {
        return isValid(text) ? Optional.of(new GssCode(text)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The entity code, such as {@code E05}: what kind of area this is. */
    public String entity() {
        return code.substring(0, 3);
    }

    /** An electoral ward of England (E05). */
    public boolean isWard() {
        return entity().equals("E05");
    }

    /** A civil parish of England (E04). */
    public boolean isParish() {
        return entity().equals("E04");
    }

    /** A district, unitary authority, metropolitan district or London borough of England (E06–E09). */
    public boolean isDistrict() {
        return entity().compareTo("E06") >= 0 && entity().compareTo("E09") <= 0;
    }

    /** A county of England (E10). */
    public boolean isCounty() {
        return entity().equals("E10");
    }

    @Override
    public String toString() {
        return code;
    }
}
