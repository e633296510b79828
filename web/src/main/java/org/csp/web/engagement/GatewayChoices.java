package org.csp.web.engagement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.csp.web.gateway.GatewayProblems;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The plan's priorities and the organisation registry (plan-service), which the engagement pages offer as choices. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(GatewayProblems.class)
@AccessToken
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayChoices {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Priority(int number, String title, boolean retired) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(String id, String name, boolean retired) {}

    @GET
    @Path("priorities")
    List<Priority> priorities();

    /** The priorities' titles by number. */
    default Map<Integer, String> priorityTitles() {
        return priorities().stream().collect(Collectors.toMap(Priority::number, Priority::title, (a, b) -> a));
    }

    /** The registry's current organisations (retired ones are left out by the service). */
    @GET
    @Path("organisations")
    List<Organisation> organisations();
}
