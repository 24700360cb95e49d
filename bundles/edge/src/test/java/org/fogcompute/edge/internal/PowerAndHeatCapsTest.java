package org.fogcompute.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.fogcompute.edge.internal.PowerAndHeatCaps.Rules;
import org.junit.jupiter.api.Test;

class PowerAndHeatCapsTest {
    private final PowerAndHeatCaps caps = new PowerAndHeatCaps(PowerAndHeatCaps.Rules.DEFAULTS);
    private final NodeSpec phone = NodeSpec.builder("phone").type(NodeType.EDGE_DEVICE)
            .capacity(new Capacity(8, 4096, 1000, 0)).build();

    private static DeviceTelemetry battery(int percent, boolean charging, Double celsius) {
        return new DeviceTelemetry(percent, charging, celsius, false, false, 23);
    }

    @Test
    void aDeviceOnACriticalBatteryGivesAFifthOfItsCpuAndHalfAGigabyte() {
        Allocation a = caps.allocatable(phone, battery(9, false, null));
        assertThat(a.cpuCores()).isEqualTo(1); // 20 % of 8 cores
        assertThat(a.memoryMb()).isEqualTo(512);
        assertThat(a.reason()).contains("battery 9%").contains("20% cpu");
        assertThat(a.drain()).isFalse();
        assertThat(caps.allocatable(phone, battery(10, false, null)).cpuCores()).isEqualTo(1); // at the threshold
    }

    @Test
    void aLowBatteryGivesAThirdAndChargingLiftsTheBatteryCaps() {
        assertThat(caps.allocatable(phone, battery(20, false, null)).cpuCores()).isEqualTo(2); // 35 % of 8
        assertThat(caps.allocatable(phone, battery(21, false, null)).reason()).isNull();
        assertThat(caps.allocatable(phone, battery(5, true, null)).reason()).isNull();
    }

    @Test
    void heatCapsWhateverTheBatteryAndTheSmallestShareWins() {
        assertThat(caps.allocatable(phone, battery(90, true, 55.0)).cpuCores()).isEqualTo(2); // 30 %
        assertThat(caps.allocatable(phone, battery(90, true, 65.0)).cpuCores()).isEqualTo(1); // 15 %
        Allocation both = caps.allocatable(phone, battery(15, false, 66.0));
        assertThat(both.cpuCores()).isEqualTo(1);
        assertThat(both.reason()).contains("battery 15%").contains("cpu 66.0");
        assertThat(caps.allocatable(phone, battery(90, true, 54.9)).reason()).isNull();
    }

    @Test
    void aServerWithoutTelemetryIsNeverCapped() {
        NodeSpec server = NodeSpec.builder("s").capacity(new Capacity(64, 262_144, 1000, 0)).build();
        assertThat(caps.allocatable(server, DeviceTelemetry.NONE)).isEqualTo(Allocation.full(64, 262_144));
        assertThat(caps.classify(server, DeviceTelemetry.NONE)).isEqualTo(DeviceClass.SERVER);
    }

    @Test
    void classesComeFromCapacityAndPowerSourceOrFromTheNodesOwnLabel() {
        assertThat(caps.classify(phone, battery(50, false, null))).isEqualTo(DeviceClass.PHONE);
        NodeSpec tablet = NodeSpec.builder("t").capacity(new Capacity(8, 8192, 1000, 0)).build();
        assertThat(caps.classify(tablet, battery(50, false, null))).isEqualTo(DeviceClass.TABLET);
        NodeSpec laptop = NodeSpec.builder("l").capacity(new Capacity(8, 16384, 1000, 0)).build();
        assertThat(caps.classify(laptop, battery(50, false, null))).isEqualTo(DeviceClass.LAPTOP);
        NodeSpec pi = NodeSpec.builder("pi").type(NodeType.EDGE_DEVICE).capacity(new Capacity(4, 4096, 1000, 0))
                .build();
        assertThat(caps.classify(pi, DeviceTelemetry.NONE)).isEqualTo(DeviceClass.SINGLE_BOARD);
        NodeSpec labelled = NodeSpec.builder("x").labels(Map.of("device.class", "laptop")).build();
        assertThat(caps.classify(labelled, DeviceTelemetry.NONE)).isEqualTo(DeviceClass.LAPTOP);
    }

    @Test
    void rulesInWhichAWorseStateAllowsMoreAreNamed() {
        assertThat(Rules.DEFAULTS.contradictions()).isEmpty();
        assertThat(new Rules(30, 0.5, 512, 20, 0.35, 70, 0.30, 65, 0.15).contradictions()).containsExactly(
                "critical battery 30% is above low battery 20%",
                "a critical battery allows more cpu (0.5) than a low one (0.35)",
                "critically hot 65.0 °C is below hot 70.0 °C");
    }
}
