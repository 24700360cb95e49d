package org.fogcompute.resources.internal;

import org.fogcompute.api.resources.PressureLevel;

/**
 * The level a usage means, with hysteresis: a level is entered at its threshold and left only once the usage is
 * {@code hysteresis} points below it, so that usage hovering at a threshold does not make the level (and what it
 * sheds) flap on every collection.
 */
record PressureLevels(double medium, double high, double critical, double hysteresis) {

    PressureLevels {
        if (!(medium < high && high < critical && critical <= 100 && medium > 0 && hysteresis >= 0)) {
            throw new IllegalArgumentException("thresholds must rise within 0..100 (medium < high < critical), got "
                    + medium + "/" + high + "/" + critical);
        }
    }

    /** The level at this usage (percent of the pool's limit), coming from the current one. */
    PressureLevel next(PressureLevel current, double usedPercent) {
        PressureLevel raw = usedPercent >= critical ? PressureLevel.CRITICAL : usedPercent >= high
                ? PressureLevel.HIGH : usedPercent >= medium ? PressureLevel.MEDIUM : PressureLevel.LOW;
        if (raw.compareTo(current) >= 0) {
            return raw;
        }
        // going down: every level above the new one is left only below its threshold minus the hysteresis
        PressureLevel level = current;
        while (level.compareTo(raw) > 0 && usedPercent < threshold(level) - hysteresis) {
            level = PressureLevel.values()[level.ordinal() - 1];
        }
        return level;
    }

    /** The usage at which a level is entered; LOW has none. */
    double threshold(PressureLevel level) {
        return switch (level) {
            case LOW -> 0;
            case MEDIUM -> medium;
            case HIGH -> high;
            case CRITICAL -> critical;
        };
    }
}
