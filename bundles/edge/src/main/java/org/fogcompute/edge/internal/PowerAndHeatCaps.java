package org.fogcompute.edge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;
import org.fogcompute.api.edge.DeviceProfiles;
import org.fogcompute.api.edge.DeviceTelemetry;

/**
 * Device classes and caps from battery and heat. A device on battery at or below the critical level gives a small
 * share of its cpu and little memory, at or below the low level a larger share; a hot cpu gives less whatever the
 * battery. The smallest share that applies wins; a device charging is not capped for its battery.
 */
public class PowerAndHeatCaps implements DeviceProfiles {
    /** The label by which a node states its class when the rules would guess wrong. */
    static final String CLASS_LABEL = "device.class";

    /** The thresholds and shares. */
    public record Rules(int criticalBatteryPercent, double criticalBatteryCpuShare, long criticalBatteryMemoryMb,
                        int lowBatteryPercent, double lowBatteryCpuShare, double hotCelsius, double hotCpuShare,
                        double criticalCelsius, double criticalCelsiusCpuShare) {
        /** The numbers of the original edge manager. */
        public static final Rules DEFAULTS = new Rules(10, 0.20, 512, 20, 0.35, 55, 0.30, 65, 0.15);

        /**
         * What in these rules contradicts itself, so that a device would get more when it is worse off; empty when
         * nothing does. Each cap still applies as configured: the caps of a device are the least of those it meets.
         */
        public java.util.List<String> contradictions() {
            java.util.List<String> problems = new java.util.ArrayList<>();
            if (criticalBatteryPercent > lowBatteryPercent) {
                problems.add("critical battery " + criticalBatteryPercent + "% is above low battery "
                        + lowBatteryPercent + "%");
            }
            if (criticalBatteryCpuShare > lowBatteryCpuShare) {
                problems.add("a critical battery allows more cpu (" + criticalBatteryCpuShare + ") than a low one ("
                        + lowBatteryCpuShare + ")");
            }
            if (criticalCelsius < hotCelsius) {
                problems.add("critically hot " + criticalCelsius + " °C is below hot " + hotCelsius + " °C");
            }
            if (criticalCelsiusCpuShare > hotCpuShare) {
                problems.add("a critically hot cpu allows more cpu (" + criticalCelsiusCpuShare + ") than a hot one ("
                        + hotCpuShare + ")");
            }
            return problems;
        }
    }

    private volatile Rules rules;

    public PowerAndHeatCaps(Rules rules) {
        this.rules = rules;
    }

    Rules rules() {
        return rules;
    }

    void rules(Rules changed) {
        this.rules = changed;
    }

    @Override
    public DeviceClass classify(NodeSpec node, DeviceTelemetry telemetry) {
        String stated = node.labels().get(CLASS_LABEL);
        if (stated != null) {
            try {
                return DeviceClass.valueOf(stated.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException notAClass) {
                // fall back to the rules
            }
        }
        Capacity capacity = node.capacity();
        if (telemetry.batteryPercent() != null) {
            if (capacity.memoryMb() <= 4096 && capacity.cpuCores() <= 8) {
                return DeviceClass.PHONE;
            }
            return capacity.memoryMb() <= 8192 ? DeviceClass.TABLET : DeviceClass.LAPTOP;
        }
        if (node.type() == NodeType.EDGE_DEVICE && capacity.cpuCores() <= 4 && capacity.memoryMb() <= 8192) {
            return DeviceClass.SINGLE_BOARD;
        }
        return DeviceClass.SERVER;
    }

    @Override
    public Allocation allocatable(NodeSpec node, DeviceTelemetry telemetry) {
        Rules r = rules;
        Capacity capacity = node.capacity();
        double cpuShare = 1.0;
        long memory = capacity.memoryMb();
        List<String> reasons = new ArrayList<>(2);
        Integer battery = telemetry.batteryPercent();
        if (telemetry.onBattery()) {
            if (battery <= r.criticalBatteryPercent()) {
                cpuShare = Math.min(cpuShare, r.criticalBatteryCpuShare());
                memory = Math.min(memory, r.criticalBatteryMemoryMb());
                reasons.add("battery " + battery + "% (at most " + r.criticalBatteryPercent() + "%)");
            } else if (battery <= r.lowBatteryPercent()) {
                cpuShare = Math.min(cpuShare, r.lowBatteryCpuShare());
                reasons.add("battery " + battery + "% (at most " + r.lowBatteryPercent() + "%)");
            }
        }
        Double celsius = telemetry.cpuTemperatureC();
        if (celsius != null) {
            if (celsius >= r.criticalCelsius()) {
                cpuShare = Math.min(cpuShare, r.criticalCelsiusCpuShare());
                reasons.add("cpu " + celsius + " °C (at least " + r.criticalCelsius() + " °C)");
            } else if (celsius >= r.hotCelsius()) {
                cpuShare = Math.min(cpuShare, r.hotCpuShare());
                reasons.add("cpu " + celsius + " °C (at least " + r.hotCelsius() + " °C)");
            }
        }
        if (reasons.isEmpty()) {
            return Allocation.full(capacity.cpuCores(), capacity.memoryMb());
        }
        int cores = (int) Math.floor(capacity.cpuCores() * cpuShare + 1e-9);
        return new Allocation(cores, memory, "device capped to " + Math.round(cpuShare * 100) + "% cpu"
                + (memory < capacity.memoryMb() ? " and " + memory + " MB" : "") + ": " + String.join(", ", reasons),
                false);
    }
}
