package org.fogcompute.rest.internal;

import java.util.List;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceHealth;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.fogcompute.rest.internal.Route.Shape;

/** /api/services: the fog services, their wiring, and restarts (admins). */
final class ServicesResource {
    private final Supplier<ServiceOrchestrator> orchestrator;

    ServicesResource(Supplier<ServiceOrchestrator> orchestrator) {
        this.orchestrator = orchestrator;
    }

    record RestartView(String service, String state, long tookMillis, boolean dependentsBack, String waitingFor) {
    }

    record RestartRequest(Boolean force) {
    }

    /** Per service: state, restarts (all and automatic), health and uptime over the kept evaluations. */
    record ServiceMetrics(String service, String state, long restarts, int autoRestarts, String health,
                          double uptimePercent) {
    }

    record HealthView(ServiceHealth.Status status, List<ServiceHealth> services) {
        static HealthView of(List<ServiceHealth> services) {
            return new HealthView(ServiceHealth.composite(services), services);
        }
    }

    /**
     * Served under {@code /services} and, with the same handlers, under {@code /orchestration}, the paths the
     * original system's orchestration API used ({@code /orchestration/service/{service}} for one service).
     */
    void register(Router router) {
        register(router, "/services", "/services", "/services");
        register(router, "/orchestration/services", "/orchestration", "/orchestration/service");
    }

    private void register(Router router, String list, String base, String one) {
        String tag = base.substring(1);
        router.get(list, Access.VIEWER, "Fog services with state, layer and restarts",
                call -> orchestrator().graph().services()).tag(tag).returns(ServiceInfo.class, Shape.LIST);
        router.get(base + "/dependencies", Access.VIEWER, "Dependency graph: layers, startup and shutdown order, "
                + "cycles", call -> orchestrator().graph()).tag(tag).returns(ServiceGraph.class);
        router.get(base + "/health", Access.VIEWER, "Health of the fog services and the composite status",
                call -> HealthView.of(orchestrator().health())).tag(tag).returns(HealthView.class);
        router.post(base + "/health/check-now", Access.OPERATOR, "Evaluate every health check now",
                call -> HealthView.of(orchestrator().checkNow())).tag(tag).returns(HealthView.class);
        router.get(base + "/metrics", Access.VIEWER, "Restarts, health and uptime per fog service", this::metrics)
                .tag(tag).returns(ServiceMetrics.class, Shape.LIST);
        router.get(one + "/{service}", Access.VIEWER, "One fog service", this::one).tag(tag)
                .returns(ServiceInfo.class).errors(404);
        router.post(base + "/restart/{service}", Access.ADMIN, "Restart a fog service; dependents re-activate. "
                + "{\"force\": true} restarts a service whose automatic restarts are used up", this::restart)
                .tag(tag).body(RestartRequest.class).returns(RestartView.class).errors(404, 409);
    }

    private ServiceOrchestrator orchestrator() {
        return Services.require(orchestrator, "service orchestration");
    }

    private Object metrics(Call call) {
        ServiceOrchestrator services = orchestrator();
        java.util.Map<String, ServiceHealth> health = new java.util.HashMap<>();
        services.health().forEach(h -> health.put(h.service(), h));
        List<ServiceMetrics> metrics = new java.util.ArrayList<>();
        for (ServiceInfo service : services.graph().services()) {
            ServiceHealth h = health.get(service.name());
            metrics.add(new ServiceMetrics(service.name(), service.state().name(), service.restarts(),
                    h == null ? 0 : h.autoRestarts(), h == null ? "UNKNOWN" : h.restartsExhausted() ? "FAILED"
                    : h.status().name(), h == null ? 0 : h.uptimePercent()));
        }
        return metrics;
    }

    private Object one(Call call) {
        String name = call.id("service");
        return orchestrator().service(name).orElseThrow(() -> new NotFoundException("unknown fog service '" + name
                + "'"));
    }

    private Object restart(Call call) {
        boolean force = call.hasBody() && Boolean.TRUE.equals(call.body(RestartRequest.class).force());
        ServiceOrchestrator.Restart restart = orchestrator().restart(call.id("service"), force);
        return new RestartView(restart.service(), restart.state().name(), restart.took().toMillis(),
                restart.dependentsBack(), restart.waitingFor());
    }
}
