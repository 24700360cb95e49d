package org.fogcompute.coordinator.internal;

import java.util.Map;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategy;
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
    private final SavedDefault savedDefault;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public RoutingStrategyRegistryComponent(Config config, @Reference ConfigurationAdmin configurationAdmin) {
        super(config.default_strategy());
        this.savedDefault = new SavedDefault(configurationAdmin, PID, "default.strategy");
    }

    /** An edit of the file applies; the echo of a default set at runtime (already applied) does not. */
    @Modified
    synchronized void modified(Config config) {
        if (!savedDefault.isEcho(config.default_strategy())) {
            configureDefault(config.default_strategy());
        }
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
        savedDefault.save(name);
    }

    /** Tells listeners (operators' tools, tests) that a strategy became selectable or stopped being so. */
    private void announce(String topic, String name) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(topic, Map.of(RoutingStrategy.NAME_PROPERTY, name)));
        }
    }

    private static String nameOf(Map<String, Object> properties) {
        return NamedServices.nameOf(properties, RoutingStrategy.NAME_PROPERTY);
    }
}
