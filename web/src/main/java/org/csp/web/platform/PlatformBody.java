package org.csp.web.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The administrator's endpoints as the platform page reads them: a projection's status
 * ({@code GET /api/admin/projections/…/status}) and a relay's refused events ({@code GET /api/admin/relay/…/refused}).
 * The kernel's own records ({@code org.csp.eventsourcing}) say what each field means.
 */
public final class PlatformBody {

    private PlatformBody() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Projection(
            String projection,
            String role,
            long appliedSinceStart,
            String lastError,
            Generation live,
            Generation rebuild) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Generation(int generation, String state, long lag, long parkedCount, List<Gap> gaps) {

        public Generation {
            gaps = gaps == null ? List.of() : List.copyOf(gaps);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(boolean persistent) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refused(long position, String type, String resolvedAt) {}
}
