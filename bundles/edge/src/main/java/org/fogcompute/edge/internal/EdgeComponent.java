package org.fogcompute.edge.internal;

import org.fogcompute.api.edge.DeviceProfiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Device profiles as the L1 fog service. It needs no other fog service: its caps are a function of what a device
 * declared and reported (the ledger has nothing it needs). The coordinator asks it at every heartbeat.
 */
@Component(service = DeviceProfiles.class, configurationPid = EdgeComponent.PID,
        property = {"fog.service.name=edge", "fog.service.critical=false"})
@Designate(ocd = EdgeComponent.Config.class)
public class EdgeComponent extends PowerAndHeatCaps {
    static final String PID = "org.fogcompute.edge";

    @ObjectClassDefinition(name = "Fog edge devices", description = "Caps of devices on battery or hot")
    public @interface Config {
        @AttributeDefinition(name = "Critical battery (%)")
        int critical_battery_percent() default 10;

        @AttributeDefinition(name = "Cpu share at a critical battery")
        double critical_battery_cpu_share() default 0.20;

        @AttributeDefinition(name = "Memory at a critical battery (MB)")
        long critical_battery_memory_mb() default 512;

        @AttributeDefinition(name = "Low battery (%)")
        int low_battery_percent() default 20;

        @AttributeDefinition(name = "Cpu share at a low battery")
        double low_battery_cpu_share() default 0.35;

        @AttributeDefinition(name = "Hot cpu (°C)")
        double hot_celsius() default 55;

        @AttributeDefinition(name = "Cpu share when hot")
        double hot_cpu_share() default 0.30;

        @AttributeDefinition(name = "Critically hot cpu (°C)")
        double critical_celsius() default 65;

        @AttributeDefinition(name = "Cpu share when critically hot")
        double critical_celsius_cpu_share() default 0.15;
    }

    @Activate
    public EdgeComponent(Config config) {
        super(rulesOf(config));
    }

    @Modified
    void modified(Config config) {
        rules(rulesOf(config));
    }

    static Rules rulesOf(Config c) {
        return new Rules(c.critical_battery_percent(), share(c.critical_battery_cpu_share()),
                Math.max(0, c.critical_battery_memory_mb()), c.low_battery_percent(), share(c.low_battery_cpu_share()),
                c.hot_celsius(), share(c.hot_cpu_share()), c.critical_celsius(), share(c.critical_celsius_cpu_share()));
    }

    private static double share(double value) {
        return Double.isNaN(value) ? 1.0 : Math.max(0, Math.min(1, value));
    }
}
