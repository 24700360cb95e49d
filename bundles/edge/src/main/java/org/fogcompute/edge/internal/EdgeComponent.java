package org.fogcompute.edge.internal;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.edge.DeviceProfiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Device profiles as the L1 fog service; its health check says when the configured caps contradict each other. It
 * needs no other fog service: its caps are a function of what a device
 * declared and reported (the ledger has nothing it needs). The coordinator asks it at every heartbeat.
 */
@Component(service = {DeviceProfiles.class, HealthCheck.class}, configurationPid = EdgeComponent.PID,
        property = {"fog.service.name=edge", "fog.service.critical=false", "hc.name=Fog edge", "hc.tags=fog"})
@Designate(ocd = EdgeComponent.Config.class)
public class EdgeComponent extends PowerAndHeatCaps implements HealthCheck {
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

    /** WARN when the configured caps contradict each other (a worse state allowing more), naming each. */
    @Override
    public Result execute() {
        Rules current = rules();
        java.util.List<String> problems = current.contradictions();
        if (!problems.isEmpty()) {
            return new Result(Result.Status.WARN, "etc/" + PID + ".cfg: " + String.join("; ", problems));
        }
        return new Result(Result.Status.OK, String.format(java.util.Locale.ROOT, "caps: battery <= %d%%: %.0f%% cpu "
                        + "and %d MB; <= %d%%: %.0f%% cpu; cpu >= %.0f °C: %.0f%%; >= %.0f °C: %.0f%%",
                current.criticalBatteryPercent(), current.criticalBatteryCpuShare() * 100,
                current.criticalBatteryMemoryMb(), current.lowBatteryPercent(), current.lowBatteryCpuShare() * 100,
                current.hotCelsius(), current.hotCpuShare() * 100, current.criticalCelsius(),
                current.criticalCelsiusCpuShare() * 100));
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
