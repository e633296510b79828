package org.csp.web.partnership;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The partnership switcher's form ({@code POST /partnership}): keeps the choice of one of the person's partnerships
 * and goes back to the page it was made on. A partnership the person does not serve is not kept.
 */
@Path("/partnership")
@Authenticated
public class PartnershipResource {

    /** A page of this site to go back to: a path, never another site's address ({@code //host}). */
    static final Pattern PAGE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%=&?-]{0,500}");

    private final PartnershipChoice choice;

    public PartnershipResource(PartnershipChoice choice) {
        this.choice = choice;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String partnership, @RestForm("page") String page) {
        String back = page != null && PAGE.matcher(page).matches() ? page : "/";
        Response.ResponseBuilder answer = Response.seeOther(URI.create(back));
        if (partnership != null && choice.served().size() > 1 && choice.served().contains(partnership)) {
            answer.cookie(new NewCookie.Builder(PartnershipChoice.COOKIE)
                    .value(partnership)
                    .path("/")
                    .httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX)
                    .build());
        }
        return answer.build();
    }
}
