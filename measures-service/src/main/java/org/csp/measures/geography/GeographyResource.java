package org.csp.measures.geography;

import static org.csp.security.Roles.READER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.csp.problem.ProblemException;

/** The places figures may be reported for: public reference data, the same for every partnership. */
@Path("/api/geographies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(READER)
public class GeographyResource {

    private final Geographies geographies;

    public GeographyResource(Geographies geographies) {
        this.geographies = geographies;
    }

    public record GeographyView(String code, String name, String level, String partnership, String parent) {}

    /** Every known place, or with {@code partnership} that partnership's district and wards. */
    @GET
    public List<GeographyView> list(@QueryParam("partnership") String partnership) {
        List<Geographies.Geography> list =
                geographies.list(partnership == null || partnership.isBlank() ? null : partnership.strip());
        if (list.isEmpty()) {
            throw new ProblemException(
                    400, "invalid-query", "Invalid query parameter", "There is no partnership '" + partnership + "'.");
        }
        return list.stream()
                .map(g -> new GeographyView(g.code(), g.name(), g.level().code(), g.partnership(), g.parent()))
                .toList();
    }
}
