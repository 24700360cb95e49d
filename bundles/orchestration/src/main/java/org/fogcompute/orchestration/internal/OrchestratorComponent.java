package org.fogcompute.orchestration.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.services.FogServices;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.fogcompute.api.services.ServiceState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fog services as SCR sees them, read fresh from its DTOs on every call so that the graph follows bundles as
 * they come and go. A restart disables and re-enables the service's component rather than stopping its bundle:
 * SCR then deactivates exactly the components that depend on it and re-activates them when it is back, other
 * components of the same bundle keep running, and the bundle's wiring is not refreshed.
 */
@Component(property = {FogServices.NAME_PROPERTY + "=orchestration"})
public final class OrchestratorComponent implements ServiceOrchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorComponent.class);
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(30);

    private final ServiceComponentRuntime scr;
    private final Map<String, Long> restarts = new ConcurrentHashMap<>();

    @Activate
    public OrchestratorComponent(@Reference ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    private List<GraphBuilder.Component> components() {
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs();
        List<GraphBuilder.Component> components = new ArrayList<>();
        for (ComponentDescriptionDTO description : descriptions) {
            if (description.properties.get(FogServices.NAME_PROPERTY) == null) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            components.add(new GraphBuilder.Component(description,
                    configurations.isEmpty() ? null : configurations.iterator().next(),
                    scr.isComponentEnabled(description)));
        }
        return components;
    }

    @Override
    public ServiceGraph graph() {
        return GraphBuilder.build(components(), restarts);
    }

    @Override
    public Optional<ServiceInfo> service(String name) {
        return graph().services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public Restart restart(String name) {
        ServiceInfo before = service(name).orElseThrow(() -> new NotFoundException("unknown fog service '" + name
                + "'"));
        ComponentDescriptionDTO description = components().stream()
                .filter(c -> c.serviceName().equals(name)).findFirst().orElseThrow().description();
        long started = System.nanoTime();
        try {
            scr.disableComponent(description).getValue();
            scr.enableComponent(description).getValue();
        } catch (java.lang.reflect.InvocationTargetException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("restart of " + name + " failed: " + e.getMessage(), e);
        }
        restarts.merge(name, 1L, Long::sum);
        long deadline = started + RESTART_LIMIT.toNanos();
        ServiceInfo after;
        boolean dependentsBack;
        do {
            after = service(name).orElseThrow();
            dependentsBack = running(after) && before.dependents().stream().allMatch(d -> service(d)
                    .map(OrchestratorComponent::running).orElse(false));
            if (dependentsBack || System.nanoTime() > deadline) {
                break;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (true);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Fog service {} restarted: {} in {} ms, dependents {}", name, after.state(), took.toMillis(),
                dependentsBack ? "active again" : "not all back");
        return new Restart(name, after.state(), took, dependentsBack);
    }

    private static boolean running(ServiceInfo service) {
        return service.state() == ServiceState.ACTIVE || service.state() == ServiceState.SATISFIED;
    }
}
