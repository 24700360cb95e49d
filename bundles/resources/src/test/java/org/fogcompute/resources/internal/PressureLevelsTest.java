package org.fogcompute.resources.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.api.resources.PressureLevel.CRITICAL;
import static org.fogcompute.api.resources.PressureLevel.HIGH;
import static org.fogcompute.api.resources.PressureLevel.LOW;
import static org.fogcompute.api.resources.PressureLevel.MEDIUM;

import java.util.ArrayList;
import java.util.List;
import org.fogcompute.api.resources.PressureLevel;
import org.junit.jupiter.api.Test;

class PressureLevelsTest {
    private final PressureLevels levels = new PressureLevels(70, 85, 95, 5);

    @Test
    void levelsAreEnteredAtTheirThresholds() {
        assertThat(levels.next(LOW, 69.9)).isEqualTo(LOW);
        assertThat(levels.next(LOW, 70)).isEqualTo(MEDIUM);
        assertThat(levels.next(LOW, 85)).isEqualTo(HIGH);
        assertThat(levels.next(MEDIUM, 96)).isEqualTo(CRITICAL);
    }

    @Test
    void aLevelIsLeftOnlyWellBelowItsThresholdSoThatHoveringUsageDoesNotFlap() {
        assertThat(levels.next(HIGH, 84)).as("just below 85").isEqualTo(HIGH);
        assertThat(levels.next(HIGH, 79.9)).isEqualTo(MEDIUM);
        assertThat(levels.next(CRITICAL, 60)).as("down several levels at once").isEqualTo(LOW);
        assertThat(levels.next(CRITICAL, 70)).isEqualTo(MEDIUM);

        // usage hovering around 85: one transition up, none back until it really drops
        List<PressureLevel> seen = new ArrayList<>();
        PressureLevel level = MEDIUM;
        for (double usage : new double[] {84, 85.5, 84.5, 85.2, 83, 86, 81, 79}) {
            PressureLevel next = levels.next(level, usage);
            if (next != level) {
                seen.add(next);
            }
            level = next;
        }
        assertThat(seen).containsExactly(HIGH, MEDIUM);
    }

    @Test
    void thresholdsMustRise() {
        assertThatThrownBy(() -> new PressureLevels(85, 70, 95, 5)).hasMessageContaining("rise");
        assertThatThrownBy(() -> new PressureLevels(70, 85, 101, 5)).hasMessageContaining("rise");
    }
}
