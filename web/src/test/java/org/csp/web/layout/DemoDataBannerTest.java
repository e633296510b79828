package org.csp.web.layout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.csp.web.TestDatabase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** With the synthetic demo data loaded ({@code csp.web.demo-data=true}), every page says so, error pages included. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(DemoDataBannerTest.DemoData.class)
class DemoDataBannerTest {

    public static class DemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csp.web.demo-data", "true");
        }
    }

    @Test
    void every_page_carries_the_banner() {
        for (String path : new String[] {"/signed-out", "/public/not-a-quarter"}) {
            Document page = Jsoup.parse(given().get(path).then().extract().asString());
            assertEquals(
                    "This service holds synthetic demo data.",
                    page.selectFirst(".govuk-notification-banner__heading").text(),
                    path);
            assertEquals(
                    "demo-data-banner-title",
                    page.selectFirst(".govuk-notification-banner").attr("aria-labelledby"),
                    path);
        }
    }
}
