package org.csp.gateway.publicfigures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The public figures of a quarter ({@code GET /api/public/2024-25-Q2}, no login): for every indicator the catalogue
 * marks public, its count in every district and ward for the quarter and the same quarter a year earlier. A count from
 * 1 to one below {@code smallestShown} is not shown, nor any count that would let one be worked out; such a cell says
 * so ({@code suppressed} and {@code reason} in words). A cell the partnership has not the whole quarter's figures for
 * is {@code notAvailable}.
 */
public record PublicFiguresView(String quarter, String lastYear, String about, List<Indicator> indicators) {

    public record Indicator(String code, String title, long smallestShown, List<Place> places) {}

    /** A district or ward ({@code district}: the ward's district; null for a district). */
    public record Place(String gss, String name, String level, String district, Count quarter, Count lastYear) {}

    /**
     * One count: {@code value}, or null with {@code suppressed} ("primary", "secondary") and {@code reason}, or
     * {@code notAvailable} with the reason.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(Long value, String suppressed, String reason, String notAvailable) {

        static Count of(long value) {
            return new Count(value, null, null, null);
        }

        static Count missing(String why) {
            return new Count(null, null, null, why);
        }
    }
}
