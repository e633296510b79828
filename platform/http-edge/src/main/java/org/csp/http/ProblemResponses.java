package org.csp.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.csp.problem.Problem;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The part of every service's and the gateway's OpenAPI document that the kernel decides (registered once as
 * {@code mp.openapi.filter} in the kernel's {@code META-INF/microprofile-config.properties}): the {@code Problem}
 * schema ({@link Problem}, RFC 9457, with its {@code errors[]}) and, on every operation under {@code /api/}, the
 * problem responses the kernel and the gateway may give it, each {@code application/problem+json}:
 * <ul>
 * <li>400 (a malformed address or body) and 429 (the gateway's rate limit) on every operation;</li>
 * <li>401 on every operation that needs a token: all of {@code /api/*} except the paths a
 * {@code quarkus.http.auth.permission.*} with policy {@code permit} opens; those get a bearer security requirement
 * if SmallRye gave them none (it gives one only from {@code @RolesAllowed});</li>
 * <li>403 where roles are named ({@code @RolesAllowed}, which SmallRye gives as the security requirement's scopes):
 * the operation lists them as {@code x-roles} and in a sentence of its description, and its security requirement
 * names the bearer scheme alone (roles are not OAuth scopes);</li>
 * <li>404 on a path with a parameter;</li>
 * <li>409 and 422 on a write; 413 and 415 on a write with a body; 412 and 428 (If-Match) on a write to something
 * that exists: PUT, PATCH, DELETE, or a POST to a path with a parameter.</li>
 * </ul>
 * A response the operation documents already with content is left as it is. The headers successful answers share
 * ({@code ETag}, {@code Location}, {@code Last-Modified}) and the 304 {@code NotModified} are components too, for an
 * {@code @APIResponse} to name by reference.
 */
public class ProblemResponses implements OASFilter {

    /** The security scheme's name, {@code quarkus.smallrye-openapi.security-scheme-name} in the kernel's config. */
    public static final String SCHEME = "bearer";

    public static final String SCHEMA = "Problem";

    private static final String HEADER_ETAG = "ETag";

    private static final Map<String, String> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put("400", "BadRequest:The address or the body is malformed, or a parameter is invalid");
        RESPONSES.put("401", "Unauthorized:No bearer token, or one that is not valid (WWW-Authenticate: Bearer)");
        RESPONSES.put("403", "Forbidden:The caller's roles or partnership do not allow this request");
        RESPONSES.put("404", "NotFound:Nothing exists at this address");
        RESPONSES.put("409", "Conflict:The request conflicts with the current state, or an Idempotency-Key was reused");
        RESPONSES.put("412", "PreconditionFailed:If-Match names an ETag that is no longer current");
        RESPONSES.put("413", "ContentTooLarge:The body is larger than the limit");
        RESPONSES.put("415", "UnsupportedMediaType:The body's media type or charset is not accepted");
        RESPONSES.put("422", "UnprocessableContent:A field of the body is invalid (errors[] names each)");
        RESPONSES.put("428", "PreconditionRequired:A write to something that exists needs If-Match");
        RESPONSES.put("429", "TooManyRequests:Over the caller's rate limit (Retry-After says when to try again)");
    }

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        RESPONSES.forEach((status, nameAndDescription) -> {
            String[] parts = nameAndDescription.split(":", 2);
            components.addResponse(
                    parts[0],
                    OASFactory.createAPIResponse()
                            .description(parts[1])
                            .content(OASFactory.createContent()
                                    .addMediaType(
                                            Problem.MEDIA_TYPE,
                                            OASFactory.createMediaType()
                                                    .schema(OASFactory.createSchema()
                                                            .ref("#/components/schemas/" + SCHEMA)))));
        });
        addSuccessParts(components);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        List<String> open = openPaths(ConfigProvider.getConfig());
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            boolean authenticated = open.stream().noneMatch(prefix -> matches(path, prefix));
            item.getOperations().forEach((method, operation) -> describe(path, method, operation, authenticated));
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation, boolean authenticated) {
        Set<String> roles = new TreeSet<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(scopes -> {
                        if (scopes != null) {
                            roles.addAll(scopes);
                        }
                    });
                }
            }
        }
        boolean secured =
                (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) || authenticated;
        if (secured) {
            // the roles are not OAuth scopes: they are listed as x-roles, the requirement names the scheme alone
            operation.setSecurity(new ArrayList<>(
                    List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        }
        boolean write = WRITES.contains(method);
        boolean parameter = path.contains("{");
        List<String> statuses = new ArrayList<>(List.of("400"));
        if (secured) {
            statuses.add("401");
        }
        if (!roles.isEmpty()) {
            statuses.add("403");
            operation.addExtension("x-roles", new ArrayList<>(roles));
            String sentence = "Roles: " + String.join(", ", roles) + ".";
            String description = operation.getDescription();
            if (description == null || !description.contains(sentence)) {
                operation.setDescription(description == null ? sentence : description + "\n\n" + sentence);
            }
        }
        if (parameter) {
            statuses.add("404");
        }
        if (write) {
            statuses.add("409");
            statuses.add("422");
            if (operation.getRequestBody() != null) {
                statuses.add("413");
                statuses.add("415");
            }
            if (method != PathItem.HttpMethod.POST || parameter) {
                statuses.add("412");
                statuses.add("428");
            }
        }
        statuses.add("429");
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (String status : statuses) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null
                    || existing.getContent() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                responses.addAPIResponse(
                        status,
                        OASFactory.createAPIResponse()
                                .ref("#/components/responses/"
                                        + RESPONSES.get(status).split(":", 2)[0]));
            }
        }
    }

    /**
     * The headers and the 304 that successful answers share, for an {@code @APIResponse} to name by reference
     * ({@code @Header(ref = "ETag")}, {@code @APIResponse(responseCode = "304", ref = "NotModified")}).
     */
    private static void addSuccessParts(Components components) {
        components.addHeader(
                HEADER_ETAG,
                header("The version of what the body shows: If-Match names it to change it, If-None-Match to read it"
                        + " again only when it changed"));
        components.addHeader("Location", header("Where what was created (or what the answer is about) is"));
        components.addHeader("Last-Modified", header("When what the body shows last changed"));
        components.addResponse(
                "NotModified",
                OASFactory.createAPIResponse()
                        .description("Not modified since the ETag that If-None-Match names: no body")
                        .addHeader(HEADER_ETAG, OASFactory.createHeader().ref("#/components/headers/" + HEADER_ETAG)));
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    /** The path prefixes that a permission with policy {@code permit} opens ({@code /api/public/*} → {@code /api/public/}). */
    static List<String> openPaths(Config config) {
        List<String> open = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("quarkus.http.auth.permission.") && name.endsWith(".policy")) {
                String policy = config.getOptionalValue(name, String.class).orElse("");
                if (policy.equals("permit")) {
                    String prefix = name.substring(0, name.length() - ".policy".length());
                    config.getOptionalValue(prefix + ".paths", String.class).ifPresent(paths -> {
                        for (String p : paths.split(",")) {
                            open.add(p.trim());
                        }
                    });
                }
            }
        }
        return open;
    }

    /** A permission path as Quarkus reads it: exact, or a prefix when it ends with {@code *}. */
    static boolean matches(String path, String permissionPath) {
        if (permissionPath.endsWith("*")) {
            String prefix = permissionPath.substring(0, permissionPath.length() - 1);
            return path.startsWith(prefix) || path.equals(prefix.replaceAll("/$", ""));
        }
        return path.equals(permissionPath);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("A problem (RFC 9457): every failure of the API is one, as application/problem+json")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("Stable: urn:csp:problem:<slug>")
                                .examples(List.of("urn:csp:problem:validation-failed")))
                .addProperty(
                        "title",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("A short human summary of the type"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599)))
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("What went wrong, for a person"))
                .addProperty(
                        "instance",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The request's path"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("For a validation problem, each offending field")
                                .items(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .addRequired("field")
                                        .addRequired("message")
                                        .addProperty(
                                                "row",
                                                OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.INTEGER)
                                                        .minimum(BigDecimal.ONE)
                                                        .description("The row of a batch (1 for the first data row)"))
                                        .addProperty(
                                                "field",
                                                OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                                        .addProperty(
                                                "message",
                                                OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
    }
}
