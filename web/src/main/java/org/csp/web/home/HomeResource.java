package org.csp.web.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.csp.security.Roles;
import org.csp.web.quarter.Quarters;

/**
 * {@code /} (the latest quarter's dashboard; for an administrator, who reads no partnership's data, the platform's
 * status), signing in, and the page after signing out.
 */
@Path("/")
public class HomeResource {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance signedOut();
    }

    private final Quarters quarters;
    private final SecurityIdentity identity;

    public HomeResource(Quarters quarters, SecurityIdentity identity) {
        this.quarters = quarters;
        this.identity = identity;
    }

    @GET
    public Response home() {
        boolean administratorOnly = identity.hasRole(Roles.ADMINISTRATOR)
                && Roles.READING_ROLES.stream().noneMatch(identity::hasRole);
        return Response.seeOther(URI.create(
                        administratorOnly
                                ? "/platform"
                                : "/quarters/" + quarters.latest().pathId()))
                .build();
    }

    /** Signing in is asking for a page that needs it: Keycloak's sign-in, then back here, then the dashboard. */
    @GET
    @Path("sign-in")
    @Authenticated
    public Response signIn() {
        return home();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
