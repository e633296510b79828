package org.csp.web.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.csp.web.gateway.FormRefused;
import org.junit.jupiter.api.Test;

class EngagementFormsTest {

    private static final List<GatewayChoices.Priority> PRIORITIES = List.of(
            new GatewayChoices.Priority(4, "Build confidence", false),
            new GatewayChoices.Priority(1, "Tackle ASB", false),
            new GatewayChoices.Priority(9, "Retired", true));
    private static final List<GatewayChoices.Organisation> ORGANISATIONS = List.of(
            new GatewayChoices.Organisation("stroud-district-council", "Stroud District Council", false),
            new GatewayChoices.Organisation("gloucestershire-constabulary", "Gloucestershire Constabulary", false),
            new GatewayChoices.Organisation("old", "Old Partner", true));

    private static EngagementForms.Entered entered(
            EngagementForm.DateParts start, String placeGss, String attendance, List<String> priorities) {
        return new EngagementForms.Entered(
                "workshop",
                " Fair ",
                start,
                new EngagementForm.DateParts("", "", ""),
                "Stroud Central",
                placeGss,
                priorities,
                "P4-06, P1-02 ",
                "",
                List.of("gloucestershire-constabulary"),
                "",
                attendance,
                null,
                "<script>alert(1)</script>");
    }

    @Test
    void whatWasEnteredBecomesTheServicesBodyWithEmptyFieldsLeftOut() {
        EngagementForms.Checked checked = EngagementForms.check(
                entered(new EngagementForm.DateParts("14", "8", "2024"), "e05010970", "1,200", List.of("4", "1")));
        assertEquals(List.of(), checked.errors());
        RecordRequest request = checked.request();
        assertEquals("2024-08-14", request.startDate());
        assertNull(request.endDate(), "an empty end date is not sent: the service takes the start");
        assertEquals(new RecordRequest.Place("ward", "E05010970", "Stroud Central"), request.place());
        assertEquals(List.of(4, 1), request.priorities());
        assertEquals(List.of("P4-06", "P1-02"), request.initiatives());
        assertNull(request.leadOrganisation());
        assertNull(request.audience());
        assertEquals(1200, request.attendance());
        assertEquals("Fair", request.title());
        assertEquals("<script>alert(1)</script>", request.outcomes(), "text is sent as typed");
    }

    @Test
    void aPlaceIsAWardAParishOrADistrictByItsCodeOrANameAlone() {
        assertEquals("parish", EngagementForms.level("E04000123"));
        assertEquals("district", EngagementForms.level("E07000082"));
        assertNull(EngagementForms.level("W05000001"), "the service says what it expects");
        EngagementForms.Checked nameAlone =
                EngagementForms.check(entered(new EngagementForm.DateParts("1", "4", "2024"), " ", null, List.of()));
        assertEquals(
                new RecordRequest.Place(null, null, "Stroud Central"),
                nameAlone.request().place());
        assertNull(nameAlone.request().priorities());
    }

    @Test
    void aDateThatIsNotOneAndANumberThatIsNotOneAreRefusedBeforeSending() {
        EngagementForms.Checked checked = EngagementForms.check(
                entered(new EngagementForm.DateParts("31", "2", "2024"), null, "about 30", List.of("1")));
        assertNull(checked.request());
        assertEquals(
                List.of(
                        new EngagementForm.Error(
                                "startDate", "startDate-day", "The date must be a real date, like 14 8 2024"),
                        new EngagementForm.Error(
                                "attendance",
                                "attendance",
                                "The attendance must be a whole number of people, like 25")),
                checked.errors());
        EngagementForms.Checked partial =
                EngagementForms.check(entered(new EngagementForm.DateParts("14", "", "2024"), null, null, List.of()));
        assertEquals(
                "The date must include a day, a month and a year",
                partial.errors().get(0).message());
        assertEquals("#startDate-day", partial.errors().get(0).href());
    }

    @Test
    void theServicesRefusalsAreOnTheInputsInTheFormsOrderOnePerInput() {
        List<EngagementForm.Error> errors = EngagementForms.errors(List.of(
                new FormRefused.FieldError(
                        null, "outcomes", "must not contain personal data (it holds an e-mail address)"),
                new FormRefused.FieldError(null, "organisations[2]", "'x' is not an organisation"),
                new FormRefused.FieldError(null, "organisations[3]", "'y' is not an organisation"),
                new FormRefused.FieldError(null, "place.level", "is required (ward, parish or district)"),
                new FormRefused.FieldError(null, "startDate", "must not be in the future"),
                new FormRefused.FieldError(null, "title", "is required"),
                new FormRefused.FieldError(null, "type", "is required (one of public-event, workshop)")));
        assertEquals(
                List.of("type", "title", "startDate", "placeGss", "organisations", "outcomes"),
                errors.stream().map(EngagementForm.Error::field).toList());
        assertEquals(
                List.of(
                        "Select the type of activity",
                        "Enter a title",
                        "The date must not be in the future",
                        "The area code must be a ward's (E05…), a parish's (E04…) or a Gloucestershire district's (E07…)",
                        "Select the organisations taking part from the list",
                        "The outcomes must not contain personal data (it holds an e-mail address)"),
                errors.stream().map(EngagementForm.Error::message).toList());
        assertEquals(
                List.of("#type", "#title", "#startDate-day", "#placeGss", "#organisations", "#outcomes"),
                errors.stream().map(EngagementForm.Error::href).toList());
    }

    @Test
    void aRequiredStartDateSentUnderItsFormerNameIsStillTheDateInput() {
        List<EngagementForm.Error> errors =
                EngagementForms.errors(List.of(new FormRefused.FieldError(null, "date", "is required (a date)")));
        assertEquals(
                List.of(new EngagementForm.Error(
                        "startDate", "startDate-day", "Enter the date the activity took place")),
                errors);
    }

    @Test
    void theFormKeepsWhatWasEnteredAndOffersOnlyCurrentPrioritiesAndOrganisations() {
        EngagementForm form = EngagementForms.form(
                entered(new EngagementForm.DateParts("14", "8", "2024"), "E05010970", "12", List.of("4")),
                "6f1c1b0e-0000-4000-8000-000000000000",
                PRIORITIES,
                ORGANISATIONS,
                null,
                List.of(new EngagementForm.Error("title", "title", "Enter a title")));
        assertEquals(" Fair ", form.title());
        assertEquals("12", form.attendance());
        assertEquals("14", form.start().day());
        assertEquals(
                List.of("Priority 1: Tackle ASB", "Priority 4: Build confidence"),
                form.priorities().stream().map(EngagementForm.Option::label).toList());
        assertTrue(form.priorities().get(1).selected());
        assertEquals(
                List.of("gloucestershire-constabulary", "stroud-district-council"),
                form.organisations().stream().map(EngagementForm.Option::value).toList());
        assertTrue(form.organisations().get(0).selected());
        assertTrue(form.leadOrganisations().stream().noneMatch(EngagementForm.Option::selected));
        assertEquals(
                "workshop",
                form.types().stream()
                        .filter(EngagementForm.Option::selected)
                        .findFirst()
                        .orElseThrow()
                        .value());
        assertEquals("Enter a title", form.error("title"));
        assertNull(form.error("type"));
    }
}
