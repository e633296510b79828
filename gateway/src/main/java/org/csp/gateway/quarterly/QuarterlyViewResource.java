package org.csp.gateway.quarterly;

import static org.csp.security.Roles.READER;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.csp.calendar.FinancialQuarter;
import org.csp.http.ApiCall;
import org.csp.problem.ProblemException;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class QuarterlyViewResource {

    private final QuarterlyViews views;
    private final ApiCall call;

    public QuarterlyViewResource(QuarterlyViews views, ApiCall call) {
        this.views = views;
        this.call = call;
    }

    /** The partnership view of a financial-year quarter, e.g. {@code 2024-25-Q2} (July–September 2024). */
    @GET
    @Path("views/quarterly/{quarter}")
    @RolesAllowed(READER)
    public Uni<QuarterlyView> quarterly(
            @PathParam("quarter") String quarter, @QueryParam("partnership") String partnership) {
        FinancialQuarter fq = FinancialQuarter.parse(quarter)
                .orElseThrow(() -> new ProblemException(
                        400,
                        "invalid-quarter",
                        "Unknown quarter",
                        "'" + quarter + "' is not a financial quarter; write it like 2024-25-Q2."));
        return views.view(call.partnership(partnership), fq);
    }
}
