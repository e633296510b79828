package org.csp.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import org.csp.problem.Problem;
import org.csp.problem.TextRules;

/**
 * Refuses, before anything else reads it, a request that no endpoint could take, each with a problem body:
 *
 * <ul>
 *   <li>414: an address longer than {@value #MAX_URI} characters;
 *   <li>431: header fields longer than {@value #MAX_HEADERS} characters in all;
 *   <li>400: an address whose path or query is not valid UTF-8 once its %-escapes are decoded (overlong forms
 *       included), or holds a control character (NUL among them), a lone surrogate or a Unicode noncharacter;
 *   <li>415: a body (POST, PUT, PATCH with content) sent without a media type or with a wildcard one ({@code *}/*),
 *       or as JSON or text in any charset but UTF-8. Which media types an endpoint takes is its own {@code @Consumes}.
 * </ul>
 *
 * The HTTP server's own limits ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}, set
 * higher in this module's configuration) answer longer requests still with a bare status: Quarkus offers no hook for
 * the server's invalid-request handler.
 */
@ApplicationScoped
public class RequestGuard {

    /** The longest address accepted: method line and query included, far above any the API forms. */
    public static final int MAX_URI = 8192;

    /** The most header characters accepted (names and values): a bearer token of the realm is about 1,500. */
    public static final int MAX_HEADERS = 32_768;

    /** Before {@link BodyLimit}. */
    static final int ORDER = BodyLimit.ORDER - 1;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            refuse(ctx, 414, "uri-too-long", "The address is too long", "At most " + MAX_URI + " characters.");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length();
        }
        if (headers > MAX_HEADERS) {
            refuse(
                    ctx,
                    431,
                    "headers-too-large",
                    "The request's header fields are too large",
                    "At most " + MAX_HEADERS + " characters of header names and values.");
            return;
        }
        String unreadable = TextRules.unreadableUri(uri);
        if (unreadable != null) {
            refuse(ctx, 400, "invalid-uri", "The address is not valid", "The address holds " + unreadable + ".");
            return;
        }
        String mediaTypeProblem =
                hasBody(request) ? mediaTypeProblem(request.getHeader(HttpHeaderNames.CONTENT_TYPE)) : null;
        if (mediaTypeProblem != null) {
            refuse(ctx, 415, "unsupported-media-type", "Unsupported media type", mediaTypeProblem);
            return;
        }
        ctx.next();
    }

    private static boolean hasBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null;
    }

    /** Why a body's declared media type is refused, or null when the endpoint may judge it. */
    static String mediaTypeProblem(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "The body has no Content-Type: send JSON as application/json (UTF-8).";
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (type.contains("*") || !type.contains("/")) {
            return "'" + parts[0].strip() + "' is not a media type a body can have: send JSON as application/json.";
        }
        boolean text = type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (text
                    && parameter[0].strip().equalsIgnoreCase("charset")
                    && (parameter.length < 2 || !isUtf8(parameter[1]))) {
                return "Bodies are read as UTF-8 only; this one declares charset="
                        + (parameter.length < 2 ? "" : parameter[1].strip()) + ".";
            }
        }
        return null;
    }

    private static boolean isUtf8(String charset) {
        String name = charset.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8");
    }

    private static void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        JsonObject problem = new JsonObject()
                .put("type", Problem.typeUri(slug))
                .put("title", title)
                .put("status", status)
                .put("detail", detail + " Nothing was stored.");
        ctx.response().setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // a body left unread must not be taken for the next request (HTTP/2 has no such header)
            ctx.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        }
        ctx.response().end(problem.encode());
    }
}
