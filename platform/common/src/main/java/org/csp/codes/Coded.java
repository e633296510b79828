package org.csp.codes;

import java.util.Arrays;
import java.util.List;

/**
 * An enum written as stable kebab-case codes in request bodies and events: {@code ON_TRACK} is {@code "on-track"}.
 * Renaming a constant changes its code, so a published code needs a new event version, never a rename.
 */
public interface Coded {

    /** No code is longer: what a request field holding a code is bounded by. */
    int MAX_LENGTH = 40;

    String name();

    default String code() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The constant with this code, or null when there is none. */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return constant;
            }
        }
        return null;
    }

    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}
