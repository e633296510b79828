package org.csp.engagement.engagement;

import java.util.Set;
import java.util.function.Predicate;
import org.csp.codes.Coded;
import org.csp.geography.GssCode;

/**
 * Where an engagement took place, by the GSS code of its area: a ward (E05…), a parish (E04…) or, district-wide, one
 * of Gloucestershire's six districts (Cheltenham E07000078, Cotswold E07000079, Forest of Dean E07000080, Gloucester
 * E07000081, Stroud E07000082, Tewkesbury E07000083). Ward and parish codes are checked by their kind of area until
 * the geography file lists them.
 */
public enum PlaceLevel implements Coded {
    WARD(GssCode::isWard, "a ward's code, E05…"),
    PARISH(GssCode::isParish, "a parish's code, E04…"),
    DISTRICT(
            code -> Districts.GLOUCESTERSHIRE.contains(code.code()),
            "one of Gloucestershire's districts, E07000078 to E07000083");

    private final Predicate<GssCode> accepts;
    private final String expected;

    PlaceLevel(Predicate<GssCode> accepts, String expected) {
        this.accepts = accepts;
        this.expected = expected;
    }

    public static PlaceLevel of(String code) {
        return Coded.of(PlaceLevel.class, code);
    }

    public boolean matches(String gss) {
        return GssCode.parse(gss).filter(accepts).isPresent();
    }

    /** What a code of this level looks like, for messages. */
    public String expected() {
        return expected;
    }

    private static final class Districts {
        static final Set<String> GLOUCESTERSHIRE =
                Set.of("E07000078", "E07000079", "E07000080", "E07000081", "E07000082", "E07000083");
    }
}
