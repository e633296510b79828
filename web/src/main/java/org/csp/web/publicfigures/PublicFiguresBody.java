package org.csp.web.publicfigures;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The gateway's public figures ({@code GET /api/public/{quarter}}, no login) as the public page reads them; the
 * gateway's {@code org.csp.gateway.publicfigures.PublicFiguresView} says what each field means.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublicFiguresBody(String quarter, String lastYear, String about, List<Indicator> indicators) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String title, long smallestShown, List<Place> places) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String gss, String name, String level, String district, Count quarter, Count lastYear) {}

    /** A count, or why there is none: {@code suppressed} with its {@code reason}, or {@code notAvailable}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(Long value, String suppressed, String reason, String notAvailable) {}
}
