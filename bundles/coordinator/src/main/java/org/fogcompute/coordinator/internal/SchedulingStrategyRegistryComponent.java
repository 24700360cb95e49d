package org.fogcompute.coordinator.internal;

import java.util.Map;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects every {@link SchedulingStrategy} service as it comes and goes. The default comes from
 * {@code etc/org.fogcompute.scheduling.cfg}; changing it at runtime writes it back there so it survives a restart.
 */
@Component(property = {"fog.service.name=scheduling", "fog.service.critical=false"},
        service = SchedulingStrategies.class, configurationPid = SchedulingStrategyRegistryComponent.PID)
@Designate(ocd = SchedulingStrategyRegistryComponent.Config.class)
public class SchedulingStrategyRegistryComponent extends SchedulingStrategyRegistry {
    static final String PID = "org.fogcompute.scheduling";

    @ObjectClassDefinition(name = "Fog scheduling", description = "Scheduling strategy selection")
    public @interface Config {
        @AttributeDefinition(name = "Default strategy", description = "Strategy whose order the queue keeps, and "
                + "which admits and places tasks that name none")
        String default_strategy() default SchedulingStrategies.BUILT_IN_DEFAULT;
    }

    private final Logger log = LoggerFactory.getLogger(SchedulingStrategyRegistryComponent.class);
    private final SavedDefault savedDefault;

    @Activate
    public SchedulingStrategyRegistryComponent(Config config, @Reference ConfigurationAdmin configurationAdmin) {
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
    void bindStrategy(SchedulingStrategy strategy, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name == null) {
            log.warn("Ignoring scheduling strategy {} without a {} property", strategy.getClass().getName(),
                    SchedulingStrategy.NAME_PROPERTY);
            return;
        }
        add(name, strategy);
        log.info("Scheduling strategy '{}' available", name);
    }

    void unbindStrategy(SchedulingStrategy strategy, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name != null) {
            remove(name, strategy);
            if (name.equals(defaultName()) && !names().contains(name)) {
                log.warn("Scheduling strategy '{}', the default, was removed; the queue keeps the order of '{}' "
                        + "until it returns", name, effectiveDefault() == null ? "priority (built in)"
                        : effectiveDefault());
            } else {
                log.info("Scheduling strategy '{}' removed", name);
            }
        }
    }

    @Override
    public synchronized void setDefault(String name) {
        super.setDefault(name);
        savedDefault.save(name);
    }

    private static String nameOf(Map<String, Object> properties) {
        return NamedServices.nameOf(properties, SchedulingStrategy.NAME_PROPERTY);
    }
}
