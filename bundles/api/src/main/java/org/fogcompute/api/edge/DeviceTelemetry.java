package org.fogcompute.api.edge;

import org.fogcompute.api.Checks;

/**
 * What a device says about its power, heat, network and user with a heartbeat. Every field is optional (null: not
 * reported, e.g. a server without a battery); what is given is validated and bounded.
 *
 * @param batteryPercent 0..100
 * @param charging       on external power
 * @param cpuTemperatureC -50..150 °C
 * @param meteredNetwork on a network that costs by the byte (mobile data)
 * @param userActive     the screen is on or the user is active
 * @param localHour      the hour of day where the device is, 0..23
 */
public record DeviceTelemetry(Integer batteryPercent, Boolean charging, Double cpuTemperatureC,
                              Boolean meteredNetwork, Boolean userActive, Integer localHour) {
    /** Nothing reported. */
    public static final DeviceTelemetry NONE = new DeviceTelemetry(null, null, null, null, null, null);

    public DeviceTelemetry {
        if (batteryPercent != null) {
            Checks.range("device.batteryPercent", batteryPercent, 0, 100);
        }
        if (cpuTemperatureC != null) {
            Checks.range("device.cpuTemperatureC", cpuTemperatureC, -50, 150);
        }
        if (localHour != null) {
            Checks.range("device.localHour", localHour, 0, 23);
        }
    }

    /** Whether the device runs on a battery that is not being charged. */
    public boolean onBattery() {
        return batteryPercent != null && !Boolean.TRUE.equals(charging);
    }
}
