package org.csp.deploy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Requests a hostile or careless client sends, each with the status the gateway must answer (always with a problem
 * body, never a 5xx, nothing stored). They are what a run of about 10,000 hostile requests through the gateway once
 * found answered with a 500, a bare status or a 2xx.
 */
final class HostileRequests {

    /** One request: {@code path} relative to the gateway, {@code body} the exact bytes sent (null: none). */
    record Hostile(String name, String method, String path, Map<String, String> headers, byte[] body, int status) {}

    private static final String ENGAGEMENTS = "/api/engagements";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private HostileRequests() {}

    static List<Hostile> all() {
        return List.of(
                new Hostile("NUL in a path id", "GET", "/api/initiatives/P1%0003", Map.of(), null, 400),
                new Hostile("a control character in a path id", "GET", "/api/initiatives/P1%0A03", Map.of(), null, 400),
                new Hostile("an overlong '/' in a path", "GET", "/api/initiatives/%C0%AF", Map.of(), null, 400),
                new Hostile(
                        "a noncharacter in a query", "GET", ENGAGEMENTS + "?quarter=%EF%BF%BE", Map.of(), null, 400),
                new Hostile(
                        "a 9,000-character address",
                        "GET",
                        ENGAGEMENTS + "?q=" + "a".repeat(9_000),
                        Map.of(),
                        null,
                        414),
                new Hostile(
                        "40,000 characters of headers",
                        "GET",
                        ENGAGEMENTS,
                        Map.of("X-Padding", "a".repeat(40_000)),
                        null,
                        431),
                new Hostile("U+FFFE written in the body", "POST", ENGAGEMENTS, JSON, workshop("Stall \uFFFE"), 400),
                new Hostile(
                        "an organisation in no registry",
                        "POST",
                        ENGAGEMENTS,
                        JSON,
                        ("{\"type\": \"workshop\", \"title\": \"Stall\", \"startDate\": \"2024-08-14\", "
                                        + "\"organisations\": [\"stroud-district-council\", \"Acme Security Ltd\"]}")
                                .getBytes(StandardCharsets.UTF_8),
                        422),
                new Hostile("U+FFFF escaped in the body", "POST", ENGAGEMENTS, JSON, workshop("Stall \\uFFFF"), 422),
                new Hostile("U+FDD0 escaped in the body", "POST", ENGAGEMENTS, JSON, workshop("Stall \\uFDD0"), 422),
                new Hostile("an overlong UTF-8 sequence", "POST", ENGAGEMENTS, JSON, overlong(), 400),
                new Hostile("JSON without a Content-Type", "POST", ENGAGEMENTS, Map.of(), workshop("Stall"), 415),
                new Hostile(
                        "JSON sent as */*", "POST", ENGAGEMENTS, Map.of("Content-Type", "*/*"), workshop("Stall"), 415),
                new Hostile(
                        "JSON declared as UTF-16",
                        "POST",
                        ENGAGEMENTS,
                        Map.of("Content-Type", "application/json; charset=utf-16"),
                        workshop("Stall"),
                        415),
                new Hostile(
                        "JSON sent as text/plain",
                        "POST",
                        ENGAGEMENTS,
                        Map.of("Content-Type", "text/plain"),
                        workshop("Stall"),
                        415));
    }

    /** A valid engagement record but for its title. */
    private static byte[] workshop(String title) {
        return ("{\"type\": \"workshop\", \"title\": \"" + title
                        + "\", \"startDate\": \"2024-08-14\", \"attendance\": 5}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A title whose '/' is written in two bytes (C0 AF), which UTF-8 forbids. */
    private static byte[] overlong() {
        byte[] start = "{\"type\": \"workshop\", \"title\": \"Stall ".getBytes(StandardCharsets.UTF_8);
        byte[] end = "\", \"startDate\": \"2024-08-14\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + 2 + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(HexFormat.of().parseHex("c0af"), 0, body, start.length, 2);
        System.arraycopy(end, 0, body, start.length + 2, end.length);
        return body;
    }
}
