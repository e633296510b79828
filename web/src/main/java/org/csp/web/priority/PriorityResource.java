package org.csp.web.priority;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.errors.PageNotFound;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A priority's page in a quarter ({@code /quarters/2024-25-Q2/priorities/1}), its initiatives filtered by status, RAG,
 * lead partner and overdue ({@code ?status=at-risk&rag=red&lead=…&overdue=true}); a filter's value outside its
 * choices is ignored, as if it were not set.
 */
@Path("/quarters/{quarter}/priorities")
@Authenticated
public class PriorityResource {

    @CheckedTemplate(basePath = "priority")
    static class Templates {
        static native TemplateInstance page(PriorityPage page);
    }

    private final GatewayPriorities priorities;

    public PriorityResource(@RestClient GatewayPriorities priorities) {
        this.priorities = priorities;
    }

    @GET
    @Path("{number}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(
            @PathParam("quarter") String quarter,
            @PathParam("number") String number,
            @QueryParam("status") String status,
            @QueryParam("rag") String rag,
            @QueryParam("lead") String lead,
            @QueryParam("overdue") String overdue) {
        FinancialQuarter q = Quarters.parse(quarter);
        if (!number.matches("[1-9][0-9]?")) {
            throw new PageNotFound("'" + number + "' is not a priority's number");
        }
        PriorityPages.Filters filters = PriorityPages.Filters.of(status, rag, lead, overdue);
        return Templates.page(PriorityPages.page(
                q, priorities.priority(q.pathId(), Integer.parseInt(number)).priority(), filters));
    }
}
