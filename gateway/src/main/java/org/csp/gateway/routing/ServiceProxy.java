package org.csp.gateway.routing;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.csp.gateway.limits.RateLimits;
import org.csp.http.Partnerships;
import org.csp.http.Unauthorized;
import org.csp.problem.Problem;
import org.csp.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's way to the services ({@link ServiceRoutes} says which path goes where), through Vert.x HTTP Proxy:
 * request and response bodies stream through (a CSV upload of several MB is never held whole), over keep-alive
 * connections pooled per service ({@link RoutesConfig}).
 *
 * <p>Before anything is forwarded, the gateway refuses what no service would take, each as a problem: no valid token
 * (401), over the caller's rate limit (429), none of the route's roles (403), a {@code ?partnership=} the caller does
 * not reach (403, the kernel's {@link Partnerships} rule, every value when it is named more than once). The services
 * check the token again (defence in depth) and apply their own rules.
 *
 * <p>What the contracts rely on crosses unchanged. To the service: method, raw path and query, the body's bytes (a
 * JSON merge patch is not re-encoded) and the headers {@link #REQUEST_HEADERS}; no other (cookies, forwarded
 * addresses). Back to the client: the status (201, 304, 409, 412, 428 …), the body (problem details included) and the
 * headers {@link #RESPONSE_HEADERS}, among them {@code Idempotent-Replayed} (measures-service's mark of an answer
 * replayed for a repeated {@code Idempotency-Key}). A path-only {@code Location} ({@code /api/reviews/2024-25-Q3}, as
 * the services write it) is passed as it is; one naming the service's own origin is cut to its path, so that an
 * internal address never reaches a client.
 *
 * <p>A service that cannot be reached is a 502 problem, one whose connections are all busy past
 * {@code connect-timeout} (or whose queue is full) a 503 with {@code Retry-After}: nothing was sent, nothing stored.
 * A service silent for {@code timeout} once the request is sent is a 504: the request may or may not have been
 * stored, and the problem says to retry with the same {@code Idempotency-Key}. A body sent in chunks past
 * {@code quarkus.http.limits.max-body-size} is a 413 ({@link CountedBody}).
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /** After the kernel's checks of headers and declared lengths and Quarkus's authentication; before JAX-RS. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    /** Request headers passed on; hop-by-hop, host, cookie and every other header stay behind. */
    static final List<String> REQUEST_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH,
            "Idempotency-Key",
            "X-Request-Id");

    /** Response headers passed back. */
    static final List<String> RESPONSE_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.ETAG,
            HttpHeaders.LOCATION,
            HttpHeaders.WWW_AUTHENTICATE,
            HttpHeaders.CACHE_CONTROL,
            HttpHeaders.VARY,
            HttpHeaders.RETRY_AFTER,
            "Idempotent-Replayed");

    private static final String METRICS_TEMPLATE = "UrlPathTemplate";
    private static final String UPSTREAM = "upstream";
    private static final String BODY = "counted-body";
    private static final String ANSWERED_HERE = "answered-here";

    private final ServiceRoutes routes;
    private final RoutesConfig config;
    private final RateLimits limits;
    private final long bodyLimit;
    private final Vertx vertx;
    /** The client of the proxy itself, and one per event loop for the requests (see {@link #client()}). */
    private final HttpClient client;

    private final Map<EventLoop, HttpClient> clients = new ConcurrentHashMap<>();
    private final HttpProxy proxy;

    public ServiceProxy(
            Vertx vertx,
            RoutesConfig config,
            RateLimits limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> bodyLimit) {
        this.routes = new ServiceRoutes(config);
        this.config = config;
        this.limits = limits;
        this.bodyLimit = bodyLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.vertx = vertx;
        this.client = newClient();
        this.proxy = HttpProxy.reverseProxy(client).origin(this::origin).addInterceptor(new Passing());
    }

    private HttpClient newClient() {
        return vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(60)
                        .setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.poolSize()).setMaxWaitQueueSize(config.waitQueue()));
    }

    /**
     * The client of the event loop this request runs on: its pooled connections live on the same loop, so a request and
     * its forwarding never hand work from one thread to another (one client for all loops lent connections across them).
     */
    private HttpClient client() {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        return context == null ? client : clients.computeIfAbsent(context.nettyEventLoop(), loop -> newClient());
    }

    @PreDestroy
    void close() {
        client.close();
        clients.values().forEach(HttpClient::close);
    }

    void install(@Observes Router router) {
        router.routeWithRegex(ServiceRoutes.PATHS).order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!ServiceRoutes.plain(request.path())) {
            reply(
                    request,
                    ctx.response(),
                    problem(
                            400,
                            "invalid-path",
                            "The path is not valid",
                            "The path has a '.' or '..' segment, an empty segment or an encoded slash. Send the path"
                                    + " as the API document names it.",
                            request.path()));
            return;
        }
        Optional<ServiceRoutes.Upstream> upstream =
                routes.route(request.method().name(), request.path(), request.query());
        if (upstream.isEmpty()) {
            ctx.next(); // a method no service takes there: JAX-RS answers (405 or 404 problem)
            return;
        }
        // the metrics name the route, not the path (Quarkus's Micrometer reads this key, as JAX-RS sets it); the
        // interceptor finds the route where the request's own context keeps it
        Context context = ((HttpServerRequestInternal) request).context();
        context.putLocal(METRICS_TEMPLATE, upstream.get().template());
        context.putLocal(UPSTREAM, upstream.get());
        QuarkusHttpUser.getSecurityIdentity(ctx, null)
                .subscribe()
                .with(identity -> admit(ctx, upstream.get(), identity), failure -> unauthorized(ctx));
    }

    /** The gateway's own checks, then the request goes to the service. */
    private void admit(RoutingContext ctx, ServiceRoutes.Upstream upstream, SecurityIdentity identity) {
        String path = ctx.request().path();
        if (identity == null || identity.isAnonymous()) {
            unauthorized(ctx);
            return;
        }
        Optional<RateLimits.Refusal> refusal = limits.refusal(RateLimits.caller(ctx, identity), path);
        if (refusal.isPresent()) {
            ctx.response()
                    .putHeader(
                            HttpHeaders.RETRY_AFTER, Long.toString(refusal.get().retryAfterSeconds()));
            reply(ctx.request(), ctx.response(), refusal.get().problem());
            return;
        }
        if (upstream.roles().stream().noneMatch(identity::hasRole)) {
            reply(
                    ctx.request(),
                    ctx.response(),
                    problem(403, "forbidden", "Not allowed", "Your role does not allow this request.", path));
            return;
        }
        if (upstream.api()) {
            try {
                Partnerships.Caller caller = Partnerships.of(identity);
                ctx.queryParam("partnership").forEach(caller::resolve);
            } catch (ProblemException e) {
                reply(ctx.request(), ctx.response(), problem(e.status(), e.type(), e.title(), e.getMessage(), path));
                return;
            }
        }
        proxy.handle(ctx.request());
    }

    private void unauthorized(RoutingContext ctx) {
        Problem problem =
                Unauthorized.problem(Unauthorized.tokenSent(ctx), ctx.request().path());
        Unauthorized.challenge(ctx).subscribe().with(headers -> {
            headers.forEach(ctx.response()::putHeader);
            reply(ctx.request(), ctx.response(), problem);
        });
    }

    private static Problem problem(int status, String slug, String title, String detail, String path) {
        return new Problem(Problem.typeUri(slug), title, status, detail, path, List.of());
    }

    /** A problem answered here: its body unread is not taken for the next request on the connection. */
    private static void reply(HttpServerRequest request, HttpServerResponse response, Problem problem) {
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (!request.isEnded() && request.version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaderNames.CONNECTION, "close");
        }
        response.end(Json.encode(problem));
    }

    /** A connection to the request's service, within {@code connect-timeout}; 502 or 503 when there is none. */
    private Future<HttpClientRequest> origin(ProxyContext context) {
        ServiceRoutes.Upstream upstream = context.get(UPSTREAM, ServiceRoutes.Upstream.class);
        URI origin = upstream.origin();
        return client().request(new RequestOptions()
                        .setHost(origin.getHost())
                        .setPort(origin.getPort())
                        .setConnectTimeout(config.connectTimeout().toMillis())
                        .setIdleTimeout(config.timeout().toMillis()))
                .recover(failure -> Future.failedFuture(new Unreachable(failure)));
    }

    /** No connection to the service: nothing was sent. */
    private static final class Unreachable extends RuntimeException {
        Unreachable(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }

        boolean busy() {
            return getCause() instanceof ConnectionPoolTooBusyException || getCause() instanceof TimeoutException;
        }
    }

    /** What crosses to the service and back, and the problem when the service does not answer. */
    private final class Passing implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest sent = request.proxiedRequest();
            ServiceRoutes.Upstream upstream =
                    ((HttpServerRequestInternal) sent).context().getLocal(UPSTREAM);
            context.set(UPSTREAM, upstream);
            keepOnly(request.headers(), REQUEST_HEADERS);
            request.setURI(upstream.pathAndQuery());
            Body body = request.getBody();
            if (body != null
                    && body.length() < 0
                    && "chunked".equalsIgnoreCase(sent.getHeader(HttpHeaderNames.TRANSFER_ENCODING))) {
                CountedBody counted = new CountedBody(body.stream(), bodyLimit);
                context.set(BODY, counted);
                request.setBody(Body.body(counted, -1));
            }
            return context.sendRequest().recover(failure -> Future.succeededFuture(failed(context, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            if (context.get(ANSWERED_HERE, Boolean.class) == null) {
                ProxyResponse response = context.response();
                keepOnly(response.headers(), RESPONSE_HEADERS);
                String location = response.headers().get(HttpHeaders.LOCATION);
                if (location != null) {
                    URI origin =
                            context.get(UPSTREAM, ServiceRoutes.Upstream.class).origin();
                    response.putHeader(HttpHeaders.LOCATION, location(location, origin.toString()));
                }
            }
            return context.sendResponse();
        }

        /** The problem for a request the service did not answer. */
        private ProxyResponse failed(ProxyContext context, Throwable failure) {
            ServiceRoutes.Upstream upstream = context.get(UPSTREAM, ServiceRoutes.Upstream.class);
            CountedBody counted = context.get(BODY, CountedBody.class);
            HttpServerRequest sent = context.request().proxiedRequest();
            String path = sent.path();
            String service = "The " + upstream.service() + " service";
            Problem problem;
            if (counted != null && counted.tooLarge()) {
                problem = problem(
                        413,
                        "payload-too-large",
                        "The request body is too large",
                        "The body is longer than the " + bodyLimit + " bytes accepted. Nothing was stored.",
                        path);
            } else if (failure instanceof Unreachable unreachable && unreachable.busy()) {
                problem = problem(
                        503,
                        "upstream-busy",
                        "The service is busy",
                        service + " had no free connection within "
                                + config.connectTimeout().toSeconds()
                                + " s; nothing was sent and nothing stored. Try again shortly.",
                        path);
            } else if (failure instanceof Unreachable) {
                problem = problem(
                        502,
                        "upstream-unavailable",
                        "The service is unavailable",
                        service + " could not be reached; nothing was stored. Try again shortly.",
                        path);
            } else if (failure instanceof TimeoutException) {
                problem = problem(
                        504,
                        "upstream-timeout",
                        "The service did not answer in time",
                        service + " did not answer within " + config.timeout().toSeconds() + " s; the request may"
                                + " or may not have been stored. Retry with the same Idempotency-Key.",
                        path);
            } else {
                problem = problem(
                        502,
                        "upstream-unavailable",
                        "The service is unavailable",
                        service + " closed the connection before answering; the request may or may not have been"
                                + " stored. Retry with the same Idempotency-Key.",
                        path);
            }
            if (problem.status() != 413) {
                LOG.warnf("Forwarding %s %s to %s failed: %s", sent.method(), path, upstream.service(), failure);
            }
            context.set(ANSWERED_HERE, true);
            boolean unread = !sent.isEnded() && sent.version() != HttpVersion.HTTP_2;
            ProxyResponse response = context.request()
                    .release()
                    .response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(Json.encode(problem))));
            if (problem.status() == 503) {
                response.putHeader(HttpHeaders.RETRY_AFTER, "1");
            }
            if (unread) {
                response.putHeader(HttpHeaderNames.CONNECTION.toString(), "close");
            }
            return response;
        }
    }

    private static void keepOnly(MultiMap headers, List<String> kept) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(headers.names());
        names.removeIf(name -> kept.stream().anyMatch(name::equalsIgnoreCase));
        names.forEach(headers::remove);
    }

    /** A Location on the service's own origin, as a framework may write a relative one, becomes its path; any other stays. */
    static String location(String value, String origin) {
        return value.startsWith(origin + "/") ? value.substring(origin.length()) : value;
    }
}
