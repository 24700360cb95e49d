package org.fogcompute.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.api.balancing.LoadBalancer;
import org.fogcompute.api.balancing.ScalingAdvisor;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.Reputation;
import org.fogcompute.api.edge.HarvestPolicy;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.fogcompute.api.metrics.MetricsSink;
import org.fogcompute.api.metrics.MetricsSource;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.scheduling.CompletionPredictions;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.TaskQueue;
import org.fogcompute.api.security.AccessTokens;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.Caller;
import org.fogcompute.api.security.NodeEnrollment;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.fogcompute.api.store.StoreRefusedException;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api}: one servlet on the HTTP whiteboard that limits the body, charges the client's
 * rate bucket, authenticates the bearer token, checks the route's role and maps every failure to a JSON error
 * with the right 4xx (503 when the database or coordinator is away). A plain whiteboard servlet rather than
 * JAX-RS: the JAX-RS whiteboard brings ~40 CXF bundles and an ERROR at boot on Java 17 for 30 routes.
 */
@Component(property = {"fog.service.name=rest-api", "fog.service.critical=true"},
        service = {Servlet.class, MetricsSource.class}, configurationPid = ApiSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("fog-api")
@Designate(ocd = ApiSettings.class)
public final class ApiServlet extends HttpServlet implements MetricsSource {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /**
     * Who changed what, and every login: its own logger, routed to data/log/security.log by
     * etc/org.ops4j.pax.logging.cfg, whose pattern there is the message alone, so each line starts with its time.
     */
    static final Logger AUDIT = LoggerFactory.getLogger("fog.audit");
    private static final String CALLER_ATTRIBUTE = "fog.caller";
    private static final String ROUTE_ATTRIBUTE = "fog.route";
    private final transient HttpMetrics http = new HttpMetrics();
    private static final Caller ANONYMOUS = Caller.user("anonymous", java.util.Set.of());
    private static final String BEARER = "Bearer ";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NodeRegistry registry;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TaskService tasks;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TopologyService topology;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RoutingStrategies strategies;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchedulingStrategies scheduling;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TaskQueue queue;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CompletionPredictions predictions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Ledger ledger;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Reputation reputation;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HarvestPolicy harvest;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CircuitPlanner circuits;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.p2p.PeerDirectory peers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.betanet.MixnodeDirectory mixnodes;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.privacy.PrivacyPolicy privacyPolicy;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.privacy.HiddenServices hiddenServices;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.bitchat.MessageRelay messageRelay;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.resources.MemoryPressure memoryPressure;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.resources.Profiler profiler;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.resources.ResourceMonitor resourceMonitor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.pools.PoolCatalog poolCatalog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.deployments.Deployments deployments;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessTokens tokens;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NodeEnrollment enrollment;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CacheService cache;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LoadBalancer balancer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CircuitBreakers breakers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScalingAdvisor advisor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceOrchestrator orchestrator;

    private final transient Json json = new Json();
    private final transient Router router = new Router();
    private final transient RateLimiter limiter;
    private final int maxBodyBytes;
    private final byte[] openApi;

    @Activate
    public ApiServlet(ApiSettings settings, BundleContext context) {
        if (settings.max_body_bytes() <= 0 || settings.max_batch_size() <= 0) {
            throw new IllegalArgumentException("max.body.bytes and max.batch.size must be positive");
        }
        this.maxBodyBytes = settings.max_body_bytes();
        this.limiter = new RateLimiter(settings.rate_requests_per_second(), settings.rate_burst(),
                settings.rate_anonymous_requests_per_second(), settings.rate_anonymous_burst());
        new NodeResource(() -> registry, () -> tasks, settings.max_batch_size()).register(router);
        new TaskResource(() -> tasks).register(router);
        new FleetResource(() -> topology, () -> strategies, () -> cache,
                Duration.ofMillis(settings.topology_cache_millis())).register(router);
        new SchedulerResource(() -> scheduling, () -> queue, () -> predictions).register(router);
        new LedgerResource(() -> ledger, () -> reputation).register(router);
        new HarvestResource(() -> harvest).register(router);
        new OnionResource(() -> circuits).register(router);
        new PeerResource(() -> peers).register(router);
        new BetanetResource(() -> mixnodes).register(router);
        new VpnResource(() -> privacyPolicy, () -> hiddenServices).register(router);
        new BitchatResource(() -> messageRelay).register(router);
        new ResourcesResource(() -> memoryPressure, () -> resourceMonitor).register(router);
        new ProfilesResource(() -> profiler).register(router);
        new PoolsResource(() -> poolCatalog).register(router);
        new DeploymentsResource(() -> deployments, () -> cache).register(router);
        new CacheResource(() -> cache).register(router);
        new BalancingResource(() -> balancer, () -> breakers, () -> advisor).register(router);
        new ServicesResource(() -> orchestrator).register(router);
        new AuthResource(() -> tokens, () -> enrollment).register(router);
        router.get("/openapi.json", Access.PUBLIC, "This description", call -> new Route.Reply(200, null))
                .tag("meta");
        this.openApi = json.write(OpenApiDocument.of(router.routes(), json.mapper(),
                context.getBundle().getVersion().toString()));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        handle(request, response);
        Object route = request.getAttribute(ROUTE_ATTRIBUTE);
        http.served(route == null ? HttpMetrics.UNMATCHED : route.toString(), request.getMethod(), response.getStatus(),
                System.nanoTime() - started);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)
                && !(isHeartbeat(request) && response.getStatus() < 300)) {
            Object who = request.getAttribute(CALLER_ATTRIBUTE);
            // every change, refused ones included: who, what, from where (the log line carries when)
            AUDIT.info("{} fog {} {} {} -> {} from {}", java.time.Instant.now(), who == null ? "unauthenticated"
                    : who, method, request.getRequestURI(), response.getStatus(), request.getRemoteAddr());
        }
    }

    @Override
    public void collect(MetricsSink sink) {
        http.collect(sink);
    }

    /**
     * Accepted heartbeats are telemetry, thousands a second, not changes someone made: they are left out of the
     * audit log (a refused one is in it).
     */
    private static boolean isHeartbeat(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.endsWith("/heartbeat");
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        try {
            RawRequest.checkPath(request.getRequestURI());
            Map<String, String[]> query = RawRequest.query(request.getQueryString());
            Router.Match match = router.find(method, path);
            Route route = match.route();
            request.setAttribute(ROUTE_ATTRIBUTE, route.template);
            Caller caller = authenticate(request, route);
            request.setAttribute(CALLER_ATTRIBUTE, caller.name());
            if ("/openapi.json".equals(route.template)) {
                send(response, 200, openApi);
                return;
            }
            byte[] body = readBody(request, route);
            Call call = new Call(caller, match.parameters(), query, body, json, request.getRemoteAddr(),
                    bearer(request));
            if (!route.access.permits(caller, call)) {
                throw ApiException.forbidden(caller.name() + " may not " + route.summary.toLowerCase(
                        java.util.Locale.ROOT) + " (requires " + route.access.describe() + ")");
            }
            Object result = route.handler.handle(call);
            if (result instanceof Route.Download download) {
                response.setStatus(200);
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setContentType(download.contentType());
                response.setHeader("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
                response.setContentLengthLong(java.nio.file.Files.size(download.file()));
                java.nio.file.Files.copy(download.file(), response.getOutputStream());
            } else if (result instanceof Route.Reply reply) {
                send(response, reply.status(), reply.body() == null ? new byte[0] : json.write(reply.body()));
            } else {
                send(response, route.status, json.write(result));
            }
        } catch (ApiException e) {
            error(response, e.status, e.field, e.getMessage(), e.headers);
        } catch (ValidationException e) {
            error(response, 422, e.field(), e.getMessage(), Map.of());
        } catch (NotFoundException e) {
            error(response, 404, null, e.getMessage(), Map.of());
        } catch (ConflictException e) {
            error(response, 409, null, e.getMessage(), Map.of());
        } catch (org.fogcompute.api.resources.ShedLoadException e) {
            error(response, 503, null, e.getMessage(), Map.of("Retry-After", "30"));
        } catch (org.fogcompute.api.bitchat.MailboxFullException e) {
            error(response, 429, null, e.getMessage(), Map.of("Retry-After", "30"));
        } catch (AuthenticationException e) {
            error(response, 401, null, e.getMessage(), Map.of("WWW-Authenticate", "Bearer realm=\"fog\""));
        } catch (StoreRefusedException e) {
            error(response, 422, null, e.getMessage(), Map.of());
        } catch (StoreUnavailableException e) {
            error(response, 503, null, e.getMessage(), Map.of("Retry-After", "5"));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            error(response, 500, null, "internal error; the runtime's log has the details", Map.of());
        }
    }

    /**
     * The caller behind the bearer token, charged one request. Public routes accept anonymous callers, charged per
     * address; a token that is present but invalid is refused even there.
     */
    private Caller authenticate(HttpServletRequest request, Route route) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            limiter.charge("address:" + request.getRemoteAddr(), false);
            if (route.access.isPublic()) {
                return ANONYMOUS;
            }
            throw ApiException.unauthorized("authentication required: send Authorization: Bearer <token> "
                    + "(POST /api/auth/token issues one)");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            limiter.charge("address:" + request.getRemoteAddr(), false);
            throw ApiException.unauthorized("only bearer tokens are accepted");
        }
        Caller caller;
        try {
            caller = Services.require(() -> tokens, "the token service").verify(header.substring(BEARER.length())
                    .trim());
        } catch (AuthenticationException e) {
            limiter.charge("address:" + request.getRemoteAddr(), false);
            throw ApiException.unauthorized(e.getMessage());
        }
        limiter.charge(caller.name(), true);
        return caller;
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
    }

    private byte[] readBody(HttpServletRequest request, Route route) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            // the body is not read: the connection cannot be reused, say so rather than leave the client guessing
            throw new ApiException(413, null, "request body of " + declared + " bytes exceeds the limit of "
                    + maxBodyBytes, Map.of("Connection", "close"));
        }
        if (route.requestBody == null) {
            return new byte[0];
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            throw new ApiException(413, null, "request body exceeds the limit of " + maxBodyBytes + " bytes");
        }
        if (body.length > 0) {
            String type = request.getContentType();
            if (type == null || !isJsonUtf8(type)) {
                throw new ApiException(415, null, "request body must be application/json (UTF-8), got "
                        + (type == null ? "no Content-Type" : type));
            }
            RawRequest.checkBody(body);
        }
        return body;
    }

    /** application/json, with no charset or UTF-8: a client that says UTF-16 means it. */
    static boolean isJsonUtf8(String contentType) {
        String[] parts = contentType.toLowerCase(java.util.Locale.ROOT).split(";");
        if (!parts[0].trim().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    private void error(HttpServletResponse response, int status, String field, String message,
                       Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        headers.forEach(response::setHeader);
        send(response, status, json.write(new Views.Error(message, field)));
    }

    private static void send(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (body.length > 0) {
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
