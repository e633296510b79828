package org.csp.web.initiative;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.csp.web.errors.PageNotFound;
import org.csp.web.form.FormError;
import org.csp.web.form.Typed;
import org.csp.web.gateway.FormRefused;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An initiative's page ({@code /initiatives/P1-04}) and its report form. A report is sent with the version the form
 * was shown with ({@code If-Match}); when someone else has reported or changed the initiative since, the page comes
 * back saying so, with their latest report shown and the person's own report kept in the form: never a lost edit.
 */
@Path("/initiatives")
@Authenticated
public class InitiativeResource {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    static final List<String> REPORTERS = List.of("coordinator", "priority-lead");

    @CheckedTemplate(basePath = "initiative")
    static class Templates {
        static native TemplateInstance page(InitiativePage page);
    }

    private final GatewayInitiatives initiatives;
    private final GatewayProgress progress;
    private final SecurityIdentity identity;
    private final Quarters quarters;

    public InitiativeResource(
            @RestClient GatewayInitiatives initiatives,
            @RestClient GatewayProgress progress,
            SecurityIdentity identity,
            Quarters quarters) {
        this.initiatives = initiatives;
        this.progress = progress;
        this.identity = identity;
        this.quarters = quarters;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("reported") String reported) {
        InitiativeBody initiative = initiatives.initiative(checked(id));
        String shownReported = reported != null && Quarters.isQuarter(reported) ? reported : null;
        return Templates.page(InitiativePages.page(
                initiative,
                mayReport(),
                quarters.latest(),
                new InitiativePages.Entered(null, initiative.status(), initiative.rag(), null),
                false,
                null,
                List.of(),
                shownReported));
    }

    @POST
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response report(
            @PathParam("id") String id,
            @RestForm String version,
            @RestForm String quarter,
            @RestForm String status,
            @RestForm String rag,
            @RestForm("commentary") String sentCommentary) {
        checked(id);
        String commentary = Typed.text(sentCommentary);
        InitiativePages.Entered entered = new InitiativePages.Entered(quarter, status, rag, commentary);
        if (version == null || !version.matches("[0-9]{1,18}")) {
            return again(id, entered, false, "The form was not complete. Check your report and send it again.", 400);
        }
        try {
            progress.report(id, "\"" + version + "\"", new ProgressReport(quarter, status, rag, commentary));
        } catch (FormRefused refused) {
            return switch (refused.status()) {
                case 412 ->
                    again(
                            id,
                            entered,
                            true,
                            "Someone else updated this initiative while you were writing your report. Their latest"
                                    + " report is shown below and your report is still in the form: check it, then send"
                                    + " it again.",
                            409);
                case 422 -> {
                    List<FormError> errors = refused.errors().stream()
                            .map(e -> new FormError(e.field(), message(e)))
                            .toList();
                    yield Response.status(422)
                            .entity(render(id, entered, false, null, errors))
                            .build();
                }
                default -> again(id, entered, false, refused.detail(), refused.status());
            };
        }
        return Response.seeOther(URI.create("/initiatives/" + id + "?reported=" + quarter + "#progress"))
                .build();
    }

    private Response again(String id, InitiativePages.Entered entered, boolean stale, String refusal, int status) {
        return Response.status(status)
                .entity(render(id, entered, stale, refusal, List.of()))
                .build();
    }

    /** The page as it is now, with the person's report in the form. */
    private TemplateInstance render(
            String id, InitiativePages.Entered entered, boolean stale, String refusal, List<FormError> errors) {
        return Templates.page(InitiativePages.page(
                initiatives.initiative(id), mayReport(), quarters.latest(), entered, stale, refusal, errors, null));
    }

    /** "Enter commentary: is required when …": the field's name in words before the service's message. */
    private static String message(FormRefused.FieldError error) {
        String field = switch (error.field() == null ? "" : error.field()) {
            case "quarter" -> "The quarter";
            case "status" -> "The status";
            case "rag" -> "The RAG rating";
            case "commentary" -> "The commentary";
            default -> "The report";
        };
        return field + " " + error.message();
    }

    private boolean mayReport() {
        return REPORTERS.stream().anyMatch(identity::hasRole);
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new PageNotFound("'" + id + "' is not an initiative's id");
        }
        return id;
    }
}
