package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.routing.RoutingStrategy;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** ConfigAdmin echoes each saved default back later; a late echo must not undo a newer setDefault. */
class DefaultStrategyEchoTest {
    private final List<String> saved = new ArrayList<>();
    private Dictionary<String, Object> stored;

    private RoutingStrategyRegistryComponent registry() {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> stored == null ? null : new Hashtable<>(toMap(stored));
                    case "updateIfDifferent" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> next = (Dictionary<String, Object>) args[0];
                        boolean different = stored == null || !toMap(stored).equals(toMap(next));
                        stored = next;
                        if (different) {
                            saved.add((String) next.get("default.strategy"));
                        }
                        yield different;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> configuration);
        RoutingStrategyRegistryComponent registry = new RoutingStrategyRegistryComponent(config("least-loaded"),
                admin);
        for (String name : List.of("least-loaded", "affinity", "proximity", "round-robin")) {
            registry.bindStrategy((task, candidates) -> null, Map.of(RoutingStrategy.NAME_PROPERTY, name));
        }
        return registry;
    }

    @Test
    void lateEchoesOfOwnWritesAreSkippedAndExternalEditsApplied() {
        RoutingStrategyRegistryComponent registry = registry();
        registry.setDefault("affinity");
        registry.setDefault("proximity");
        assertThat(saved).containsExactly("affinity", "proximity");

        registry.modified(config("affinity"));
        assertThat(registry.defaultName()).isEqualTo("proximity");
        registry.modified(config("proximity"));
        assertThat(registry.defaultName()).isEqualTo("proximity");

        registry.modified(config("round-robin"));
        assertThat(registry.defaultName()).as("an edit of the file").isEqualTo("round-robin");
    }

    @Test
    void settingTheSameDefaultTwiceWritesOnce() {
        RoutingStrategyRegistryComponent registry = registry();
        registry.setDefault("affinity");
        registry.setDefault("affinity");
        assertThat(saved).containsExactly("affinity");
        registry.modified(config("affinity"));
        registry.modified(config("round-robin"));
        assertThat(registry.defaultName()).isEqualTo("round-robin");
    }

    private static RoutingStrategyRegistryComponent.Config config(String name) {
        return (RoutingStrategyRegistryComponent.Config) Proxy.newProxyInstance(
                DefaultStrategyEchoTest.class.getClassLoader(),
                new Class<?>[] {RoutingStrategyRegistryComponent.Config.class}, (proxy, method, args) -> name);
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (java.util.Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, dictionary.get(key));
        }
        return map;
    }
}
