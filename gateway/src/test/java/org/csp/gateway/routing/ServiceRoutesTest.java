package org.csp.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.csp.security.Roles;
import org.junit.jupiter.api.Test;

/** Which path goes to which service, as what, for whom: pure. */
class ServiceRoutesTest {

    private final ServiceRoutes routes = new ServiceRoutes(Map.of(
            "plan",
            "http://127.0.0.1:8081",
            "measures",
            "http://127.0.0.1:8082",
            "engagement",
            "http://127.0.0.1:8083"));

    @Test
    void eachServicesSegmentsGoToItAsTheyAreForReaders() {
        ServiceRoutes.API_SEGMENTS.forEach((service, segments) -> segments.forEach(segment -> {
            String path = "/api/" + segment + "/x%2Fy";
            ServiceRoutes.Upstream upstream =
                    routes.route("PATCH", path, "partnership=stroud").orElseThrow();
            assertEquals(service, upstream.service(), path);
            assertEquals(path + "?partnership=stroud", upstream.pathAndQuery());
            assertEquals(Set.of(Roles.READER, Roles.ADMINISTRATOR), upstream.roles());
            assertTrue(upstream.api());
            assertEquals("/api/" + segment + "/**", upstream.template(), "metrics name the route, not the path");
            assertTrue(ServiceRoutes.forwarded(path));
        }));
        assertEquals(
                URI.create("http://127.0.0.1:8082"),
                routes.route("GET", "/api/data-points", null).orElseThrow().origin());
    }

    @Test
    void theServicesAdminEndpointsGoToTheirServiceForAdministratorsOnly() {
        ServiceRoutes.Upstream derived = routes.route("POST", "/api/admin/projections/derived/rebuild", null)
                .orElseThrow();
        assertEquals("measures", derived.service());
        assertEquals("/api/admin/projections/derived/rebuild", derived.pathAndQuery());
        assertEquals(Set.of(Roles.ADMINISTRATOR), derived.roles());
        assertEquals("/api/admin/projections/derived/**", derived.template());
        assertFalse(derived.api());
        ServiceRoutes.Upstream relay = routes.route("GET", "/api/admin/relay/engagement/refused", "limit=5")
                .orElseThrow();
        assertEquals("engagement", relay.service());
        assertEquals("/api/admin/relay/refused?limit=5", relay.pathAndQuery(), "the service's own relay path");
        assertEquals("/api/admin/relay/engagement/**", relay.template());
        assertEquals(
                "/api/admin/relay",
                routes.route("GET", "/api/admin/relay/plan", null).orElseThrow().pathAndQuery());
    }

    @Test
    void theGatewaysOwnPathsAndOtherMethodsAreNotForwarded() {
        for (String path : new String[] {
            "/api/admin/projections/quarterly/status",
            "/api/admin/projections/status",
            "/api/admin/relay/gateway/refused",
            "/api/views/quarterly/2024-25-Q2",
            "/api/county/feed",
            "/api/initiativesx",
            "/api/openapi"
        }) {
            assertEquals(Optional.empty(), routes.route("GET", path, null), path);
            assertFalse(ServiceRoutes.forwarded(path), path);
        }
        assertEquals(Optional.empty(), routes.route("DELETE", "/api/admin/relay/plan/refused/1", null));
        assertEquals(Optional.empty(), routes.route("HEAD", "/api/initiatives", null));
    }

    @Test
    void onlyAPlainPathIsForwarded() {
        for (String path : new String[] {
            "/api/initiatives",
            "/api/initiatives/",
            "/api/initiatives/P1-04",
            "/api/indicators/ASB-INCIDENTS/series",
            "/api/organisations/victim%20support"
        }) {
            assertTrue(ServiceRoutes.plain(path), path);
        }
        for (String path : new String[] {
            "/api/plans/../admin/relay/plan/refused",
            "/api/plans/./stroud-2023-2026",
            "/api/plans/%2e%2e/admin/relay/plan/refused",
            "/api/plans/%2E/x",
            "/api/plans//stroud-2023-2026",
            "/api/plans/a%2Fb",
            "/api/plans/a%5cb",
            "/api/plans/a\\b",
            "/api/plans/%zz"
        }) {
            assertFalse(ServiceRoutes.plain(path), path);
        }
    }
}
