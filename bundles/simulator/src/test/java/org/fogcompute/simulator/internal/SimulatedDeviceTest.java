package org.fogcompute.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.junit.jupiter.api.Test;

class SimulatedDeviceTest {
    /** Two simulated days of 100 devices in one time zone, starting at midnight. */
    private static List<List<DeviceTelemetry>> twoDays() {
        SplittableRandom random = new SplittableRandom(7);
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            devices.add(new SimulatedDevice(0, random));
        }
        List<List<DeviceTelemetry>> ticks = new ArrayList<>();
        for (int tick = 0; tick < 480; tick++) {
            double hour = tick * SimulatedDevice.HOURS_PER_TICK;
            List<DeviceTelemetry> now = new ArrayList<>();
            devices.forEach(d -> now.add(d.tick(hour % 24, random)));
            ticks.add(now);
        }
        return ticks;
    }

    @Test
    void mostDevicesChargeIdleAtNightAndRunOnBatteryByDay() {
        List<List<DeviceTelemetry>> ticks = twoDays();
        List<DeviceTelemetry> night = ticks.get(240 + 30); // 03:00 on the second day
        List<DeviceTelemetry> day = ticks.get(240 + 140); // 14:00
        assertThat(night.stream().filter(t -> t.charging() && !t.userActive()).count()).isGreaterThan(60);
        assertThat(day.stream().filter(DeviceTelemetry::onBattery).count()).isGreaterThan(60);
        assertThat(night).allSatisfy(t -> assertThat(t.localHour()).isEqualTo(3));
    }

    @Test
    void batteriesStayWithinBoundsAndADrainedDeviceIsPluggedIn() {
        for (List<DeviceTelemetry> tick : twoDays()) {
            for (DeviceTelemetry t : tick) {
                assertThat(t.batteryPercent()).isBetween(1, 100);
                if (t.batteryPercent() <= 4) { // below 5 % (reported rounded)
                    assertThat(t.charging()).isTrue();
                }
            }
        }
    }
}
