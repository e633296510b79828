package org.csp.gateway.routing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csp.security.Roles;

/**
 * Which service a path of the gateway's API is forwarded to, as what path, and who may send it there:
 * <ul>
 * <li>the services' APIs by their first segment ({@link #API_SEGMENTS}: {@code /api/initiatives/**} to plan-service,
 * {@code /api/data-points/**} to measures-service …), as they are, for {@code reader} and {@code administrator}; a
 * partnership named with {@code ?partnership=} must be one the caller reaches;</li>
 * <li>the projections the services run ({@link #SERVICE_PROJECTIONS}: {@code /api/admin/projections/derived/**} to
 * measures-service, {@code …/registry/**} to engagement-service), as they are, for {@code administrator}; the
 * gateway's own {@code /api/admin/projections} ({@code quarterly}, and the list) is not forwarded;</li>
 * <li>the services' relays by the service's name ({@link #RELAYS}: {@code /api/admin/relay/plan/refused} is
 * plan-service's {@code /api/admin/relay/refused}), for {@code administrator}.</li>
 * </ul>
 * Pure: the origins come from configuration ({@link RoutesConfig}).
 */
public final class ServiceRoutes {

    /**
     * The first path segments of the API under {@code /api/} each service owns, by service (the names of
     * {@link #RELAYS}); the gateway's API document takes these paths of each service's own document.
     */
    public static final Map<String, List<String>> API_SEGMENTS = Map.of(
            "plan",
            List.of("plans", "priorities", "objectives", "organisations", "initiatives", "reviews", "priority-leads"),
            "measures",
            List.of("indicators", "data-points", "geographies", "assessments", "comparators", "comparator-sources"),
            "engagement",
            List.of("engagements", "case-reviews", "consultations"));

    /** The projections the services run, by name, and the service that runs each. */
    public static final Map<String, String> SERVICE_PROJECTIONS =
            Map.of("derived", "measures", "registry", "engagement");

    /** The services whose relays are reached through the gateway, by the name in {@code /api/admin/relay/{name}}. */
    public static final Set<String> RELAYS = Set.of("plan", "measures", "engagement");

    /** The methods forwarded: the APIs take all five; the admin endpoints are read with GET and acted on with POST. */
    static final Set<String> API_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    static final Set<String> ADMIN_METHODS = Set.of("GET", "POST");

    private static final Set<String> READERS = Set.of(Roles.READER, Roles.ADMINISTRATOR);
    private static final Set<String> ADMINISTRATORS = Set.of(Roles.ADMINISTRATOR);

    private static final Pattern API = Pattern.compile("/api/("
            + String.join(
                    "|", API_SEGMENTS.values().stream().flatMap(List::stream).toList())
            + ")(/.*)?");
    private static final Pattern PROJECTION =
            Pattern.compile("/api/admin/projections/(" + String.join("|", SERVICE_PROJECTIONS.keySet()) + ")(/.*)?");
    private static final Pattern RELAY = Pattern.compile("/api/admin/relay/(" + String.join("|", RELAYS) + ")(/.*)?");

    /** Every path forwarded, as one regular expression (a Vert.x route's). */
    static final String PATHS = "(" + API.pattern() + ")|(" + PROJECTION.pattern() + ")|(" + RELAY.pattern() + ")";

    /**
     * Where a request goes: the service's origin, the path and query it receives, the roles of which the caller needs
     * one, whether it is a service's API (whose {@code ?partnership=} the gateway checks), and the route's template
     * ({@code /api/initiatives/**}), which names it in the gateway's metrics: never the path itself, which a client
     * could vary without end.
     */
    public record Upstream(
            String service, URI origin, String pathAndQuery, Set<String> roles, boolean api, String template) {}

    private final Map<String, URI> origins;

    public ServiceRoutes(RoutesConfig config) {
        this(Map.of("plan", config.plan(), "measures", config.measures(), "engagement", config.engagement()));
    }

    ServiceRoutes(Map<String, String> origins) {
        Map<String, URI> parsed = new HashMap<>();
        origins.forEach((service, origin) -> parsed.put(service, URI.create(origin)));
        this.origins = Map.copyOf(parsed);
    }

    /** Whether the gateway forwards this path (raw, as sent) to a service. */
    public static boolean forwarded(String rawPath) {
        return rawPath != null && rawPath.matches(PATHS);
    }

    /**
     * Whether a raw path names its resource plainly: no segment that is, or decodes to, {@code .} or {@code ..}, no
     * empty segment ({@code //}) but a trailing slash, no encoded or back slash. The route is chosen on the raw path
     * and the service resolves dot segments itself, so {@code /api/plans/../admin/relay/refused} would be checked
     * as a reader's route at the gateway and read as an administrator's by the service: such a path is refused.
     */
    public static boolean plain(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                return false;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false; // a malformed escape
            }
            if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/") || decoded.contains("\\")) {
                return false;
            }
        }
        return true;
    }

    /** The upstream of a request, or empty when the gateway answers it itself (or the method is not forwarded). */
    public Optional<Upstream> route(String method, String rawPath, String rawQuery) {
        String query = rawQuery == null ? "" : "?" + rawQuery;
        Matcher api = API.matcher(rawPath);
        if (api.matches() && API_METHODS.contains(method)) {
            String service = API_SEGMENTS.entrySet().stream()
                    .filter(owned -> owned.getValue().contains(api.group(1)))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            return Optional.of(new Upstream(
                    service, origins.get(service), rawPath + query, READERS, true, "/api/" + api.group(1) + "/**"));
        }
        Matcher projection = PROJECTION.matcher(rawPath);
        if (projection.matches() && ADMIN_METHODS.contains(method)) {
            String service = SERVICE_PROJECTIONS.get(projection.group(1));
            return Optional.of(new Upstream(
                    service,
                    origins.get(service),
                    rawPath + query,
                    ADMINISTRATORS,
                    false,
                    "/api/admin/projections/" + projection.group(1) + "/**"));
        }
        Matcher relay = RELAY.matcher(rawPath);
        if (relay.matches() && ADMIN_METHODS.contains(method)) {
            String service = relay.group(1);
            String rest = relay.group(2) == null ? "" : relay.group(2);
            return Optional.of(new Upstream(
                    service,
                    origins.get(service),
                    "/api/admin/relay" + rest + query,
                    ADMINISTRATORS,
                    false,
                    "/api/admin/relay/" + service + "/**"));
        }
        return Optional.empty();
    }
}
