package org.fogcompute.orchestration.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fogcompute.api.services.Dependency;
import org.fogcompute.api.services.FogServices;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceState;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Builds the service graph from SCR's description and configuration DTOs: which fog service provides what another
 * references, layers computed from that wiring, startup and shutdown orders, and cycles reported with their path
 * (depth-first search; never loops).
 */
final class GraphBuilder {
    /** One fog service component as SCR describes it, with its configuration if it has one. */
    record Component(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration, boolean enabled) {
        String serviceName() {
            return String.valueOf(description.properties.get(FogServices.NAME_PROPERTY));
        }
    }

    private GraphBuilder() {
    }

    static ServiceGraph build(List<Component> components, Map<String, Long> restarts) {
        Map<String, Component> byName = new LinkedHashMap<>();
        for (Component component : components) {
            if (component.description().properties.get(FogServices.NAME_PROPERTY) != null) {
                byName.putIfAbsent(component.serviceName(), component);
            }
        }
        Map<String, List<Dependency>> dependencies = new HashMap<>();
        Map<String, Set<String>> dependents = new HashMap<>();
        for (Map.Entry<String, Component> entry : byName.entrySet()) {
            List<Dependency> needs = new ArrayList<>();
            Component component = entry.getValue();
            Set<String> unsatisfied = unsatisfiedNames(component.configuration());
            for (ReferenceDTO reference : component.description().references) {
                String provider = providerOf(reference.interfaceName, byName, entry.getKey());
                boolean required = reference.cardinality.startsWith("1");
                needs.add(new Dependency(reference.name, reference.interfaceName, provider, required,
                        component.configuration() != null && !unsatisfied.contains(reference.name)));
                if (provider != null) {
                    dependents.computeIfAbsent(provider, p -> new TreeSet<>()).add(entry.getKey());
                }
            }
            dependencies.put(entry.getKey(), needs);
        }
        List<List<String>> cycles = cycles(byName.keySet(), dependencies);
        Set<String> inCycle = new LinkedHashSet<>();
        cycles.forEach(inCycle::addAll);
        Map<String, Integer> layers = new HashMap<>();
        for (String name : byName.keySet()) {
            layer(name, dependencies, layers, inCycle);
        }
        List<ServiceInfo> services = new ArrayList<>();
        for (Map.Entry<String, Component> entry : byName.entrySet()) {
            Component component = entry.getValue();
            String name = entry.getKey();
            services.add(new ServiceInfo(name, component.description().name,
                    component.description().bundle.symbolicName, state(component), problem(component),
                    Boolean.parseBoolean(String.valueOf(component.description().properties.get(
                            FogServices.CRITICAL_PROPERTY))), layers.get(name), List.copyOf(dependencies.get(name)),
                    List.copyOf(dependents.getOrDefault(name, Set.of())), restarts.getOrDefault(name, 0L)));
        }
        services.sort(Comparator.comparingInt(ServiceInfo::layer).thenComparing(ServiceInfo::name));
        List<String> startup = new ArrayList<>();
        services.stream().filter(s -> s.layer() >= 0).forEach(s -> startup.add(s.name()));
        List<String> shutdown = new ArrayList<>(startup);
        java.util.Collections.reverse(shutdown);
        return new ServiceGraph(List.copyOf(services), List.copyOf(startup), List.copyOf(shutdown),
                List.copyOf(cycles));
    }

    private static String providerOf(String interfaceName, Map<String, Component> byName, String self) {
        for (Map.Entry<String, Component> entry : byName.entrySet()) {
            if (!entry.getKey().equals(self)) {
                for (String provided : entry.getValue().description().serviceInterfaces) {
                    if (provided.equals(interfaceName)) {
                        return entry.getKey();
                    }
                }
            }
        }
        return null;
    }

    private static Set<String> unsatisfiedNames(ComponentConfigurationDTO configuration) {
        Set<String> names = new LinkedHashSet<>();
        if (configuration != null && configuration.unsatisfiedReferences != null) {
            for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                names.add(reference.name);
            }
        }
        return names;
    }

    private static int layer(String name, Map<String, List<Dependency>> dependencies, Map<String, Integer> layers,
                             Set<String> inCycle) {
        Integer known = layers.get(name);
        if (known != null) {
            return known;
        }
        if (inCycle.contains(name)) {
            layers.put(name, -1);
            return -1;
        }
        int layer = 0;
        for (Dependency dependency : dependencies.get(name)) {
            if (dependency.providedBy() != null) {
                int below = layer(dependency.providedBy(), dependencies, layers, inCycle);
                if (below < 0) {
                    layers.put(name, -1);
                    return -1;
                }
                layer = Math.max(layer, below + 1);
            }
        }
        layers.put(name, layer);
        return layer;
    }

    /** Every elementary cycle found by depth-first search, once each, as the path that returns to its start. */
    static List<List<String>> cycles(Set<String> names, Map<String, List<Dependency>> dependencies) {
        List<List<String>> found = new ArrayList<>();
        Set<Set<String>> seen = new LinkedHashSet<>();
        for (String start : new TreeSet<>(names)) {
            search(start, start, new ArrayList<>(List.of(start)), dependencies, found, seen);
        }
        return found;
    }

    private static void search(String start, String at, List<String> path, Map<String, List<Dependency>> dependencies,
                               List<List<String>> found, Set<Set<String>> seen) {
        for (Dependency dependency : dependencies.getOrDefault(at, List.of())) {
            String next = dependency.providedBy();
            if (next == null) {
                continue;
            }
            if (next.equals(start)) {
                Set<String> members = new TreeSet<>(path);
                if (seen.add(members)) {
                    List<String> cycle = new ArrayList<>(path);
                    cycle.add(start);
                    found.add(cycle);
                }
            } else if (!path.contains(next) && path.size() < 64) {
                path.add(next);
                search(start, next, path, dependencies, found, seen);
                path.remove(path.size() - 1);
            }
        }
    }

    static ServiceState state(Component component) {
        if (!component.enabled()) {
            return ServiceState.DISABLED;
        }
        ComponentConfigurationDTO configuration = component.configuration();
        if (configuration == null) {
            return ServiceState.UNSATISFIED;
        }
        return switch (configuration.state) {
            case ComponentConfigurationDTO.ACTIVE -> ServiceState.ACTIVE;
            case ComponentConfigurationDTO.SATISFIED -> ServiceState.SATISFIED;
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> ServiceState.FAILED;
            default -> ServiceState.UNSATISFIED;
        };
    }

    static String problem(Component component) {
        ComponentConfigurationDTO configuration = component.configuration();
        if (!component.enabled() || configuration == null) {
            return component.enabled() ? "no configuration (required configuration missing)" : null;
        }
        if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            return configuration.failure;
        }
        if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
            return "required configuration missing";
        }
        if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            List<String> missing = new ArrayList<>();
            for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                missing.add(reference.name + " (" + interfaceOf(component, reference.name) + ")");
            }
            return "missing reference " + String.join(", ", missing);
        }
        return null;
    }

    private static String interfaceOf(Component component, String referenceName) {
        for (ReferenceDTO reference : component.description().references) {
            if (reference.name.equals(referenceName)) {
                return reference.interfaceName;
            }
        }
        return "?";
    }
}
