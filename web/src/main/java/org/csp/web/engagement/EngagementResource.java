package org.csp.web.engagement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.UUID;
import java.util.regex.Pattern;
import org.csp.security.Roles;
import org.csp.web.errors.PageNotFound;
import org.csp.web.form.Typed;
import org.csp.web.gateway.FormRefused;
import org.csp.web.quarter.Quarters;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The partnership's engagement activities ({@code /engagement?quarter=2024-25-Q2&type=workshop&priority=1&place=E05010970}), an
 * activity's page ({@code /engagement/{id}}) and, for coordinators and engagement officers, the form to record one
 * ({@code /engagement/new}). The form is sent with an {@code Idempotency-Key} made when it was shown, so that a second
 * click records once; a refused form comes back with the person's entries and an error summary.
 */
@Path("/engagement")
@Authenticated
public class EngagementResource {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    /** The key a form carries: a UUID, as the form was given it. */
    static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @CheckedTemplate(basePath = "engagement")
    static class Templates {
        static native TemplateInstance list(EngagementListPage page);

        static native TemplateInstance activity(EngagementPage page);

        static native TemplateInstance form(EngagementForm form);
    }

    private final GatewayEngagements engagements;
    private final GatewayRecords records;
    private final GatewayChoices choices;
    private final SecurityIdentity identity;
    private final Quarters quarters;

    public EngagementResource(
            @RestClient GatewayEngagements engagements,
            @RestClient GatewayRecords records,
            @RestClient GatewayChoices choices,
            SecurityIdentity identity,
            Quarters quarters) {
        this.engagements = engagements;
        this.records = records;
        this.choices = choices;
        this.identity = identity;
        this.quarters = quarters;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(
            @QueryParam("quarter") String quarter,
            @QueryParam("type") String type,
            @QueryParam("priority") String priority,
            @QueryParam("place") String place,
            @QueryParam("includeWithdrawn") String includeWithdrawn,
            @QueryParam("page") String page) {
        EngagementPages.Filters filters =
                EngagementPages.Filters.of(quarter, type, priority, place, includeWithdrawn, page);
        List<EngagementBody> matching = engagements.list(
                filters.quarter(), filters.type(), filters.priority(), filters.place(), filters.includeWithdrawn());
        int total = filters.narrowing()
                ? engagements
                        .list(null, null, null, null, filters.includeWithdrawn())
                        .size()
                : matching.size();
        return Templates.list(EngagementPages.list(
                filters, matching, total, choices.priorityTitles(), quarters.latest(), identity.getRoles()));
    }

    @GET
    @Path("new")
    @RolesAllowed({Roles.COORDINATOR, Roles.ENGAGEMENT_OFFICER})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.form(form(EngagementForms.Entered.none(), null, List.of()));
    }

    @POST
    @Path("new")
    @RolesAllowed({Roles.COORDINATOR, Roles.ENGAGEMENT_OFFICER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response record(
            @RestForm String idempotencyKey,
            @RestForm String type,
            @RestForm String title,
            @RestForm("startDate-day") String startDay,
            @RestForm("startDate-month") String startMonth,
            @RestForm("startDate-year") String startYear,
            @RestForm("endDate-day") String endDay,
            @RestForm("endDate-month") String endMonth,
            @RestForm("endDate-year") String endYear,
            @RestForm String placeName,
            @RestForm String placeGss,
            @RestForm List<String> priorities,
            @RestForm String initiatives,
            @RestForm String leadOrganisation,
            @RestForm List<String> organisations,
            @RestForm String audience,
            @RestForm String attendance,
            @RestForm String reach,
            @RestForm String outcomes) {
        EngagementForms.Entered entered = new EngagementForms.Entered(
                type,
                title,
                new EngagementForm.DateParts(startDay, startMonth, startYear),
                new EngagementForm.DateParts(endDay, endMonth, endYear),
                placeName,
                placeGss,
                priorities,
                initiatives,
                leadOrganisation,
                organisations,
                audience,
                attendance,
                reach,
                Typed.text(outcomes));
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            return again(entered, "The form was not complete. Check the activity and send it again.", List.of(), 400);
        }
        EngagementForms.Checked checked = EngagementForms.check(entered);
        if (!checked.errors().isEmpty()) {
            return again(entered, null, checked.errors(), 422);
        }
        EngagementBody recorded;
        try {
            recorded = records.record(idempotencyKey, checked.request());
        } catch (FormRefused refused) {
            return switch (refused.status()) {
                case 422 -> again(entered, null, EngagementForms.errors(refused.errors()), 422);
                case 409 ->
                    again(
                            entered,
                            "This form was sent before with other details. Check the list of activities: if the"
                                    + " activity is not there, send the form again.",
                            List.of(),
                            409);
                default ->
                    again(
                            entered,
                            refused.detail() == null ? "The activity was not recorded." : refused.detail(),
                            List.of(),
                            refused.status());
            };
        }
        return Response.seeOther(URI.create("/engagement/" + recorded.id() + "?recorded=true"))
                .build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance activity(@PathParam("id") String id, @QueryParam("recorded") String recorded) {
        if (!ID.matcher(id).matches()) {
            throw new PageNotFound("'" + id + "' is not an engagement record's id");
        }
        return Templates.activity(
                EngagementPages.page(engagements.engagement(id), choices.priorityTitles(), "true".equals(recorded)));
    }

    /** The form again with what the person entered, a new key (nothing was recorded) and why it was not taken. */
    private Response again(
            EngagementForms.Entered entered, String refusal, List<EngagementForm.Error> errors, int status) {
        return Response.status(status)
                .entity(Templates.form(form(entered, refusal, errors)))
                .build();
    }

    private EngagementForm form(EngagementForms.Entered entered, String refusal, List<EngagementForm.Error> errors) {
        return EngagementForms.form(
                entered, UUID.randomUUID().toString(), choices.priorities(), choices.organisations(), refusal, errors);
    }
}
