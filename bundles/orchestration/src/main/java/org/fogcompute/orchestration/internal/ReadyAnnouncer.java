package org.fogcompute.orchestration.internal;

import java.util.ArrayList;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.fogcompute.api.services.ServiceState;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once, on the console and in the log, when the runtime is ready: every fog service active and the fleet
 * loaded, with the addresses of the REST API and the web console and where a first start's admin password is. Until
 * then it says nothing: the coordinator logs what it waits for.
 */
@Component(immediate = true)
public final class ReadyAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyAnnouncer.class);
    private static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";

    private final BundleContext context;
    private final ServiceOrchestrator orchestrator;
    private final TopologyService coordinator;
    /** Polls on the JDK's shared delayed executor: a one-off wait at start is no reason for a thread of its own. */
    private final Executor nextCheck = CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);
    private volatile boolean active = true;

    @Activate
    public ReadyAnnouncer(BundleContext context, @Reference ServiceOrchestrator orchestrator,
                          @Reference TopologyService coordinator) {
        this.context = context;
        this.orchestrator = orchestrator;
        this.coordinator = coordinator;
        nextCheck.execute(this::announceWhenReady);
    }

    @Deactivate
    void deactivate() {
        active = false;
    }

    private void announceWhenReady() {
        if (!active) {
            return;
        }
        try {
            List<String> endpoints = httpEndpoints();
            if (coordinator.health().ready() && allActive(orchestrator.graph().services()) && !endpoints.isEmpty()) {
                // from the start of the JVM, which is what someone who just typed bin/karaf waited for
                String line = readyLine(endpoints, ManagementFactory.getRuntimeMXBean().getUptime());
                System.out.println(line);
                LOG.info(line);
                return;
            }
        } catch (RuntimeException e) {
            LOG.debug("Not ready yet: {}", e.toString());
        }
        nextCheck.execute(this::announceWhenReady);
    }

    /** Every fog service active, or registered and activated on first use (a delayed DS component). */
    static boolean allActive(List<ServiceInfo> services) {
        return !services.isEmpty() && services.stream()
                .allMatch(s -> s.state() == ServiceState.ACTIVE || s.state() == ServiceState.SATISFIED);
    }

    static String readyLine(List<String> endpoints, long millis) {
        String base = endpoints.get(0).replaceAll("/+$", "").replace("://0.0.0.0:", "://localhost:");
        return "fog-compute ready in " + millis + " ms: REST API " + base + "/api (GET /api/health, /api/openapi.json),"
                + " web console " + base + "/system/console (user admin; a password generated at the first start "
                + "was printed once above and is in data/log/karaf.log)";
    }

    /** The HTTP runtime's addresses, read from its service properties so that no HTTP API needs importing. */
    private List<String> httpEndpoints() {
        List<String> endpoints = new ArrayList<>();
        try {
            ServiceReference<?>[] runtimes = context.getServiceReferences(HTTP_RUNTIME, null);
            for (ServiceReference<?> runtime : runtimes == null ? new ServiceReference<?>[0] : runtimes) {
                Object value = runtime.getProperty("osgi.http.endpoint");
                if (value instanceof String[] many) {
                    endpoints.addAll(List.of(many));
                } else if (value instanceof java.util.Collection<?> many) {
                    many.forEach(v -> endpoints.add(v.toString()));
                } else if (value != null) {
                    endpoints.add(value.toString());
                }
            }
            if (endpoints.isEmpty()) {
                // an HTTP service that does not list its endpoints still names its port
                ServiceReference<?>[] http = context.getServiceReferences("org.osgi.service.http.HttpService", null);
                if (http != null && http[0].getProperty("org.osgi.service.http.port") != null) {
                    endpoints.add("http://localhost:" + http[0].getProperty("org.osgi.service.http.port") + "/");
                }
            }
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        return endpoints;
    }
}
