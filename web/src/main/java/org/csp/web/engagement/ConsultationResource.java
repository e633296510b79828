package org.csp.web.engagement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.csp.web.errors.PageNotFound;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The partnership's consultations and surveys ({@code /engagement/consultations}) and each one's published results. */
@Path("/engagement/consultations")
@Authenticated
public class ConsultationResource {

    @CheckedTemplate(basePath = "engagement")
    static class Templates {
        static native TemplateInstance consultations(ConsultationPages.ListPage page);

        static native TemplateInstance consultation(ConsultationPages.Page page);
    }

    private final GatewayConsultations consultations;
    private final GatewayChoices choices;

    public ConsultationResource(@RestClient GatewayConsultations consultations, @RestClient GatewayChoices choices) {
        this.consultations = consultations;
        this.choices = choices;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.consultations(ConsultationPages.list(consultations.list()));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance consultation(@PathParam("id") String id) {
        if (!EngagementResource.ID.matcher(id).matches()) {
            throw new PageNotFound("'" + id + "' is not a consultation's id");
        }
        return Templates.consultation(ConsultationPages.page(consultations.consultation(id), choices.priorityTitles()));
    }
}
