package org.csp.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The application over HTTP, signed out: its assets, sign-in, and its error pages. The test profile's gateway address
 * is a closed port, so a page that needs the gateway meets one that cannot be reached.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class WebAppTest {

    @Test
    void the_stylesheet_is_compiled_with_arial_and_not_the_gds_transport_font() {
        String css = given().get("/assets/application.css")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(true, css.contains("font-family:arial,sans-serif"));
        assertEquals(false, css.contains("GDS Transport"));
        given().get("/assets/govuk-frontend.min.js").then().statusCode(200);
        given().get("/assets/application.mjs").then().statusCode(200);
    }

    @Test
    void pages_load_only_the_services_own_assets_and_are_never_framed() {
        given().get("/signed-out")
                .then()
                .statusCode(200)
                .header(
                        "Content-Security-Policy",
                        allOf(containsString("default-src 'self'"), containsString("frame-ancestors 'none'")))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void a_dashboard_needs_sign_in_through_the_code_flow_with_pkce() {
        given().redirects()
                .follow(false)
                .get("/quarters/2024-25-Q2")
                .then()
                .statusCode(302)
                .header(
                        "Location",
                        allOf(
                                containsString("response_type=code"),
                                containsString("client_id=csp-web"),
                                containsString("code_challenge="),
                                containsString("code_challenge_method=S256")));
    }

    @Test
    void the_home_page_leads_to_the_latest_quarters_dashboard() {
        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", allOf(containsString("/quarters/20"), not(endsWith("/quarters/"))));
    }

    @Test
    void an_address_that_is_not_a_quarter_is_a_page_not_found() {
        Document page = page(given().get("/public/2024-25-Q9").then().statusCode(404));
        assertEquals("Page not found", page.selectFirst("h1").text());
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals(
                "Sign in",
                page.selectFirst(".govuk-service-navigation__list li:last-child a")
                        .text());
    }

    @Test
    void a_gateway_that_cannot_be_reached_is_an_unavailable_page_not_a_stack_trace() {
        Document page = page(given().get("/public/2024-25-Q2").then().statusCode(503));
        assertEquals("Sorry, the service is unavailable", page.selectFirst("h1").text());
        assertEquals(false, page.html().contains("Exception"));
    }

    @Test
    void signed_out_people_see_only_the_public_figures_in_the_navigation() {
        Document page = page(given().get("/signed-out").then().statusCode(200));
        assertEquals(
                java.util.List.of("Public figures", "Sign in"),
                page.select(".govuk-service-navigation__link").eachText());
    }

    private static Document page(io.restassured.response.ValidatableResponse response) {
        return Jsoup.parse(
                response.contentType(containsString("text/html")).extract().asString());
    }
}
