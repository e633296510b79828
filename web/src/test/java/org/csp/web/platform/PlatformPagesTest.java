package org.csp.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformPagesTest {

    private static PlatformBody.Projection projection(String name, long lag, long parked, boolean persistentGap) {
        return new PlatformBody.Projection(
                name,
                "leader",
                10,
                null,
                new PlatformBody.Generation(
                        1,
                        "LIVE",
                        lag,
                        parked,
                        persistentGap ? List.of(new PlatformBody.Gap(false), new PlatformBody.Gap(true)) : List.of()),
                null);
    }

    @Test
    void whatNeedsAnAdministratorComesFirstInWords() {
        PlatformPage page = PlatformPages.page(
                List.of(
                        Map.entry("gateway", projection("partnership_views", 0, 0, false)),
                        Map.entry("gateway", projection("county_feed", 4, 0, false)),
                        Map.entry("measures-service", projection("derived", 0, 2, false)),
                        Map.entry("engagement-service", projection("registry", 0, 0, true))),
                Map.of(
                        "plan-service",
                        List.of(),
                        "measures-service",
                        List.of(
                                new PlatformBody.Refused(7, "DataPointRecorded", null),
                                new PlatformBody.Refused(5, "DataPointRecorded", "2026-12-01T10:00:00Z"))));

        assertEquals(
                List.of("derived", "registry", "county_feed", "partnership_views"),
                page.projections().stream().map(PlatformPage.Projection::name).toList());
        assertEquals("Needs attention", page.projections().get(0).state().text());
        assertEquals("2 parked", page.projections().get(0).parked());
        assertEquals("1 persistent", page.projections().get(1).gaps());
        assertEquals("Catching up", page.projections().get(2).state().text());
        assertEquals("4 events", page.projections().get(2).lag());
        assertEquals("Up to date", page.projections().get(3).state().text());

        assertEquals("measures-service", page.relays().get(0).service());
        assertEquals(
                "1 refused event not yet published again", page.relays().get(0).refused());
        assertEquals("Publishing", page.relays().get(1).state().text());
    }
}
