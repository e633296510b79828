package org.csp.gateway.routing;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.csp.http.Partnerships;
import org.csp.security.Roles;

/**
 * The services' APIs, forwarded by {@link ServiceProxy} (the first path segment names the owner):
 * <ul>
 * <li>plan-service: {@code /api/plans/**}, {@code /api/priorities/**}, {@code /api/objectives/**},
 * {@code /api/organisations/**}, {@code /api/initiatives/**}, {@code /api/reviews/**}, {@code /api/priority-leads/**};</li>
 * <li>measures-service: {@code /api/indicators/**}, {@code /api/data-points/**} (e.g. {@code POST /api/data-points/batch}, a
 * JSON or CSV body of several MB), {@code /api/geographies/**}, {@code /api/assessments/**} and
 * {@code /api/comparators/**}, {@code /api/comparator-sources/**} (e.g. {@code POST
 * /api/comparator-sources/{id}/imports}, a CSV export);</li>
 * <li>engagement-service: {@code /api/engagements/**}, {@code /api/case-reviews/**}, {@code /api/consultations/**}.</li>
 * </ul>
 * Method, path, query and body (bytes, whatever their content type: a JSON merge patch reaches the service
 * unchanged) go through as sent; so do the status, the body and the headers the contracts rely on (see
 * {@link ServiceProxy}). A body may be as large as {@code quarkus.http.limits.max-body-size} allows (10M, see
 * application.properties; a larger one gets a 413 problem from the gateway); each service applies its own limits.
 * Authentication is enforced for all of {@code /api/*}; the services check the token again and apply their own role
 * rules. Before anything is forwarded, the gateway refuses what no service would take: a token with none of the
 * platform's roles (403), and a request naming with {@code ?partnership=} a partnership its caller does not reach
 * (403 {@code other-partnership}, the kernel's {@link Partnerships} rule, every value when it is named more than once).
 */
@Path("/api/{segment: plans|priorities|objectives|organisations|initiatives|reviews|priority-leads"
        + "|indicators|data-points|geographies|assessments|comparators|comparator-sources"
        + "|engagements|case-reviews|consultations}"
        + "{rest: (/.*)?}")
@RolesAllowed({Roles.READER, Roles.ADMINISTRATOR})
public class ApiRoutes extends Forwarding {

    private final Partnerships partnerships;

    public ApiRoutes(ServiceProxy proxy, Partnerships partnerships) {
        super(proxy, "segment");
        this.partnerships = partnerships;
    }

    @PUT
    public Uni<Response> put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", uri, headers, body);
    }

    @PATCH
    public Uni<Response> patch(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", uri, headers, body);
    }

    @DELETE
    public Uni<Response> delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", uri, headers, null);
    }

    @Override
    protected Uni<ServiceProxy.Forwarded> send(
            String method, String segment, UriInfo uri, HttpHeaders headers, byte[] body) {
        List<String> named = uri.getQueryParameters().get("partnership");
        if (named != null) {
            named.forEach(partnerships::resolve);
        }
        return proxy.forward(method, segment, ServiceProxy.pathAndQuery(uri), headers, body);
    }
}
