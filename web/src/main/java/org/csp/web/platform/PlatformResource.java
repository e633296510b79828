package org.csp.web.platform;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code /platform}: for administrators, who run the platform and read no partnership's data, whether every projection
 * is up to date and every relay publishing, and what waits for them (parked records, persistent gaps, refused events).
 * The runbook says what to do about each.
 */
@Path("/platform")
@RolesAllowed(Roles.ADMINISTRATOR)
public class PlatformResource {

    /** The services' projections by the name the gateway routes them under, and the application each runs in. */
    static final Map<String, String> SERVICE_PROJECTIONS =
            Map.of("derived", "measures-service", "registry", "engagement-service");

    static final List<String> RELAYS = List.of("plan", "measures", "engagement");

    @CheckedTemplate(basePath = "platform")
    static class Templates {
        static native TemplateInstance page(PlatformPage page);
    }

    private final GatewayPlatform gateway;

    public PlatformResource(@RestClient GatewayPlatform gateway) {
        this.gateway = gateway;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        List<Map.Entry<String, PlatformBody.Projection>> projections = new ArrayList<>();
        gateway.gatewayProjections().forEach(p -> projections.add(Map.entry("gateway", p)));
        SERVICE_PROJECTIONS.forEach(
                (name, service) -> projections.add(Map.entry(service, gateway.serviceProjection(name))));
        Map<String, List<PlatformBody.Refused>> refused = new LinkedHashMap<>();
        RELAYS.forEach(service -> refused.put(service + "-service", gateway.refused(service)));
        return Templates.page(PlatformPages.page(projections, refused));
    }
}
