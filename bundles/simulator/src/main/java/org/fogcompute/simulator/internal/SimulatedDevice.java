package org.fogcompute.simulator.internal;

import java.util.SplittableRandom;
import org.fogcompute.api.edge.DeviceTelemetry;

/**
 * A simulated phone or tablet on a day-and-night cycle, faster than real time: each tick is six minutes of its day.
 * At night most devices lie on their charger, idle, on wifi; by day they are carried around, used, on battery and
 * sometimes on mobile data. The battery drains off the charger and fills on it; a drained device is plugged in. Some
 * devices run hot. What they report is what the edge and harvest services decide on.
 */
final class SimulatedDevice {
    /** Simulated hours per tick (one tick a second: a simulated day takes four minutes). */
    static final double HOURS_PER_TICK = 0.1;

    private final int utcOffsetHours;
    private final boolean chargesAtNight;
    private final boolean runsHot;
    private double battery;
    private boolean charging;

    SimulatedDevice(int utcOffsetHours, SplittableRandom random) {
        this.utcOffsetHours = utcOffsetHours;
        this.chargesAtNight = random.nextInt(10) < 8;
        this.runsHot = random.nextInt(10) == 0;
        this.battery = random.nextDouble(15, 100);
    }

    /** One tick at simulated UTC hour {@code utcHour}: the device's state moves on and says what it reports. */
    DeviceTelemetry tick(double utcHour, SplittableRandom random) {
        int localHour = (int) Math.floor(((utcHour + utcOffsetHours) % 24 + 24) % 24);
        boolean night = localHour >= 22 || localHour < 7;
        if (battery <= 5) {
            charging = true; // its user plugs it in
        } else if (night) {
            charging = chargesAtNight || charging;
        } else if (localHour == 7 || battery >= 80) {
            charging = false; // taken off the charger in the morning, or once charged enough by day
        }
        // 4 to 8 % an hour on battery, 20 % an hour on the charger
        battery = Math.max(1, Math.min(100, battery + (charging ? 2.0 : -0.4 - random.nextDouble(0.4))));
        if (battery <= 5) {
            charging = true; // its user plugs it in
        }
        boolean userActive = night ? random.nextInt(40) == 0 : random.nextInt(10) < 7;
        boolean metered = !charging && random.nextInt(10) < 3;
        double celsius = 30 + random.nextDouble(0, 8) + (runsHot ? 16 + random.nextDouble(0, 8) : 0)
                + (charging ? 3 : 0);
        return new DeviceTelemetry((int) Math.round(battery), charging, Math.round(celsius * 10) / 10.0, metered,
                userActive, localHour);
    }
}
