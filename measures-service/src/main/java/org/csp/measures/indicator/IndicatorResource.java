package org.csp.measures.indicator;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.csp.http.Partnerships;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.problem.ProblemException;

import java.util.List;

import static org.csp.security.Roles.COORDINATOR;
import static org.csp.security.Roles.COUNTY_ANALYST;
import static org.csp.security.Roles.ENGAGEMENT_OFFICER;
import static org.csp.security.Roles.PARTNER_AGENCY;
import static org.csp.security.Roles.PRIORITY_LEAD;
import static org.csp.security.Roles.VIEWER;

@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER})
public class IndicatorResource {

    private final Indicators indicators;
    private final Partnerships partnerships;

    public IndicatorResource(Indicators indicators, Partnerships partnerships) {
        this.indicators = indicators;
        this.partnerships = partnerships;
    }

    /** An indicator as the API shows it. */
    public record IndicatorView(String code, String title, String description, int priority, String unit, String frequency,
                                String polarity, List<String> sources, String baseline) {
        static IndicatorView of(IndicatorRow r) {
            return new IndicatorView(r.code(), r.title(), r.description(), r.priority(), r.unit(), r.frequency(),
                    r.polarity(), r.sources(), r.baseline());
        }
    }

    /** The partnership's indicators, optionally of one priority. */
    @GET
    public Uni<List<IndicatorView>> list(@QueryParam("partnership") String partnership, @QueryParam("priority") String priority) {
        Integer number = null;
        if (priority != null && !priority.isBlank()) {
            if (!priority.strip().matches("[1-9]\\d?")) {
                throw new ProblemException(400, "invalid-query", "Invalid query parameter", "priority must be a priority number such as 1.");
            }
            number = Integer.parseInt(priority.strip());
        }
        return indicators.list(partnerships.resolve(partnership), number)
                .map(rows -> rows.stream().map(IndicatorView::of).toList());
    }

    @GET
    @Path("{code}")
    public Uni<IndicatorView> get(@PathParam("code") String code, @QueryParam("partnership") String partnership) {
        String p = partnerships.resolve(partnership);
        return indicators.find(p, code).map(found -> IndicatorView.of(
                found.orElseThrow(() -> ProblemException.notFound("Indicator", code))));
    }
}
