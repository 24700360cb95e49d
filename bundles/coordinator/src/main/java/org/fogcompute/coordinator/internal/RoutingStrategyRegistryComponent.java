package org.fogcompute.coordinator.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects every {@link RoutingStrategy} service as it comes and goes. The default comes from
 * {@code etc/org.fogcompute.routing.cfg}; changing it at runtime writes it back there so it survives a restart.
 */
@Component(property = {"fog.service.name=routing", "fog.service.critical=true"},
        service = RoutingStrategies.class, configurationPid = RoutingStrategyRegistryComponent.PID)
@Designate(ocd = RoutingStrategyRegistryComponent.Config.class)
public class RoutingStrategyRegistryComponent extends RoutingStrategyRegistry {
    static final String PID = "org.fogcompute.routing";

    @ObjectClassDefinition(name = "Fog routing", description = "Routing strategy selection")
    public @interface Config {
        @AttributeDefinition(name = "Default strategy",
                description = "Strategy used when a task names none, or names one that is not installed")
        String default_strategy() default RoutingStrategies.BUILT_IN_DEFAULT;
    }

    static final String TOPIC_ADDED = "fog/routing/STRATEGY_ADDED";
    static final String TOPIC_REMOVED = "fog/routing/STRATEGY_REMOVED";

    private final Logger log = LoggerFactory.getLogger(RoutingStrategyRegistryComponent.class);
    private final ConfigurationAdmin configurationAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private final ArrayDeque<String> ownWrites = new ArrayDeque<>();

    @Activate
    public RoutingStrategyRegistryComponent(Config config, @Reference ConfigurationAdmin configurationAdmin) {
        super(config.default_strategy());
        this.configurationAdmin = configurationAdmin;
    }

    /**
     * Each setDefault writes the configuration, and ConfigAdmin echoes the write back here later, in order. Echoes
     * of our own writes are recognised and skipped: applying them would briefly put back an older default after a
     * newer one was set. A value nobody here wrote (an edit of the file) is applied.
     */
    @Modified
    synchronized void modified(Config config) {
        String configured = config.default_strategy();
        if (!ownWrites.isEmpty() && ownWrites.peek().equals(configured)) {
            ownWrites.poll();
            return;
        }
        ownWrites.clear();
        configureDefault(configured);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStrategy(RoutingStrategy strategy, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name == null) {
            log.warn("Ignoring routing strategy {} without a {} property", strategy.getClass().getName(),
                    RoutingStrategy.NAME_PROPERTY);
            return;
        }
        add(name, strategy);
        log.info("Routing strategy '{}' available", name);
        announce(TOPIC_ADDED, name);
    }

    void unbindStrategy(RoutingStrategy strategy, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name != null) {
            remove(name, strategy);
            if (name.equals(defaultName()) && !names().contains(name)) {
                log.warn("Routing strategy '{}', the default, was removed; tasks that name no strategy use '{}' "
                        + "until it returns", name, effectiveDefault());
            } else {
                log.info("Routing strategy '{}' removed", name);
            }
            announce(TOPIC_REMOVED, name);
        }
    }

    @Override
    public synchronized void setDefault(String name) {
        super.setDefault(name);
        try {
            Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put("default.strategy", name);
            ownWrites.add(name);
            if (!configuration.updateIfDifferent(properties)) {
                ownWrites.removeLast();
            }
        } catch (IOException e) {
            ownWrites.removeLastOccurrence(name);
            log.warn("Default strategy set to '{}' but could not be saved in configuration", name, e);
        }
    }

    /** Tells listeners (operators' tools, tests) that a strategy became selectable or stopped being so. */
    private void announce(String topic, String name) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(topic, Map.of(RoutingStrategy.NAME_PROPERTY, name)));
        }
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(RoutingStrategy.NAME_PROPERTY);
        return name == null ? null : name.toString();
    }
}
