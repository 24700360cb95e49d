package org.fogcompute.harvest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.junit.jupiter.api.Test;

class EligibilityTest {
    private static final Instant T0 = Instant.parse("2026-12-06T22:30:00Z");
    private final Eligibility.Rules rules = Eligibility.Rules.DEFAULTS;
    private final Eligibility device = new Eligibility();

    /** A phone on its charger at night, cool, on wifi, nobody using it. */
    private static DeviceTelemetry idle(int hour) {
        return new DeviceTelemetry(80, true, 35.0, false, false, hour);
    }

    private Eligibility.Verdict at(long minutes, DeviceTelemetry t) {
        return device.observe(rules, t, T0.plusSeconds(minutes * 60));
    }

    @Test
    void anIdleDeviceOnItsChargerAtNightIsEligible() {
        assertThat(at(0, idle(23)).eligible()).isTrue();
        assertThat(device.sessionStart()).isEqualTo(T0);
        assertThat(device.lastReason()).isNull();
    }

    @Test
    void eachRuleOnItsOwnMakesItIneligibleAndSaysWhy() {
        assertThat(at(0, new DeviceTelemetry(80, false, 35.0, false, false, 23)).reasons())
                .containsExactly("not charging");
        assertThat(at(1, new DeviceTelemetry(19, true, 35.0, false, false, 23)).reasons())
                .containsExactly("battery 19% below 20%");
        assertThat(at(2, new DeviceTelemetry(80, true, 35.0, true, false, 23)).reasons())
                .containsExactly("metered network");
        assertThat(at(3, new DeviceTelemetry(80, true, 35.0, false, true, 23)).reasons())
                .containsExactly("user active");
        assertThat(at(4, idle(12)).reasons()).singleElement().asString().startsWith("outside the harvest window");
        assertThat(at(5, new DeviceTelemetry(null, null, null, null, null, null)).reasons())
                .contains("charging not reported", "cpu temperature not reported", "network not reported",
                        "user activity not reported", "local hour not reported");
    }

    @Test
    void theWindowWrapsMidnight() {
        assertThat(rules.insideWindow(22)).isTrue();
        assertThat(rules.insideWindow(0)).isTrue();
        assertThat(rules.insideWindow(6)).isTrue();
        assertThat(rules.insideWindow(7)).isFalse();
        assertThat(rules.insideWindow(21)).isFalse();
        Eligibility.Rules daytime = new Eligibility.Rules(true, 20, 45, 40, true, true, 9, 17, Duration.ofHours(8),
                Duration.ofMinutes(30));
        assertThat(daytime.insideWindow(9)).isTrue();
        assertThat(daytime.insideWindow(17)).isFalse();
        assertThat(daytime.insideWindow(3)).isFalse();
    }

    @Test
    void aHotCpuStopsItAndOnlyACoolerOneThanTheResumeTemperatureLetsItGoOn() {
        assertThat(at(0, idle(23)).eligible()).isTrue();
        assertThat(at(1, new DeviceTelemetry(80, true, 46.0, false, false, 23)).eligible()).isFalse();
        // back under the maximum but not under the resume temperature: still cooling
        assertThat(at(2, new DeviceTelemetry(80, true, 42.0, false, false, 23)).reasons()).singleElement()
                .asString().startsWith("cooling down");
        assertThat(at(3, new DeviceTelemetry(80, true, 39.5, false, false, 23)).eligible()).isTrue();
        // without having gone over, 42 °C is fine
        assertThat(at(4, new DeviceTelemetry(80, true, 42.0, false, false, 23)).eligible()).isTrue();
    }

    @Test
    void aSessionEndsAtTheCapAndACooldownFollowsWhateverTheRulesSay() {
        assertThat(at(0, idle(23)).eligible()).isTrue();
        assertThat(at(479, idle(6)).eligible()).isTrue();
        Eligibility.Verdict capped = at(480, idle(6));
        assertThat(capped.eligible()).isFalse();
        assertThat(capped.ended().length()).isEqualTo(Duration.ofHours(8));
        assertThat(capped.reasons()).singleElement().asString().startsWith("session reached 8 h");
        assertThat(at(500, idle(6)).reasons()).singleElement().asString().startsWith("cooldown after a 8 h");
        assertThat(at(510, idle(6)).eligible()).isTrue(); // 30 min later
        assertThat(device.sessionStart()).isEqualTo(T0.plusSeconds(510 * 60));
    }

    @Test
    void leavingEligibilityEndsTheSessionWithItsLength() {
        at(0, idle(23));
        Eligibility.Verdict unplugged = at(90, new DeviceTelemetry(80, false, 35.0, false, false, 0));
        assertThat(unplugged.ended().length()).isEqualTo(Duration.ofMinutes(90));
        assertThat(device.sessionStart()).isNull();
        assertThat(at(91, new DeviceTelemetry(80, false, 35.0, false, false, 0)).ended()).isNull();
    }
}
