package org.fogcompute.balancer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.balancing.CircuitState.Health;
import org.fogcompute.api.balancing.CircuitState.State;
import org.junit.jupiter.api.Test;

/** Breaker transitions on a clock the test moves: 5 failures, 60 s open, 2 trial permits, 2 successes close. */
class CircuitBreakerTest {
    private final MutableClock clock = new MutableClock();
    private final NodeCircuitBreakers breakers = new NodeCircuitBreakers(BreakerPolicy.DEFAULT, clock);

    private State state() {
        return breakers.state("n1").orElseThrow().state();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breakers.recordFailure("n1");
        }
    }

    @Test
    void opensAfterFiveConsecutiveFailuresOnly() {
        fail(4);
        assertThat(state()).isEqualTo(State.CLOSED);
        assertThat(breakers.state("n1").orElseThrow().health()).isEqualTo(Health.DEGRADED);
        breakers.recordSuccess("n1");
        assertThat(breakers.state("n1").orElseThrow().health()).isEqualTo(Health.HEALTHY);
        fail(4);
        assertThat(state()).as("a success in between restarts the count").isEqualTo(State.CLOSED);
        fail(1);
        assertThat(state()).isEqualTo(State.OPEN);
        assertThat(breakers.state("n1").orElseThrow().health()).isEqualTo(Health.CIRCUIT_OPEN);
        assertThat(breakers.admits("n1")).isFalse();
    }

    @Test
    void staysOpenSixtySecondsThenAdmitsTwoTrialsAndClosesAfterTwoSuccesses() {
        fail(5);
        clock.advance(Duration.ofMillis(59_999));
        assertThat(breakers.admits("n1")).isFalse();
        assertThat(breakers.tryAcquire("n1")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(breakers.admits("n1")).isTrue();
        assertThat(state()).isEqualTo(State.HALF_OPEN);
        assertThat(breakers.tryAcquire("n1")).isTrue();
        assertThat(breakers.tryAcquire("n1")).isTrue();
        assertThat(breakers.tryAcquire("n1")).as("only two trials").isFalse();
        breakers.recordSuccess("n1");
        assertThat(state()).isEqualTo(State.HALF_OPEN);
        breakers.recordSuccess("n1");
        assertThat(state()).isEqualTo(State.CLOSED);
        assertThat(breakers.state("n1").orElseThrow().health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void aFailedTrialOpensTheCircuitAgainForAnotherSixtySeconds() {
        fail(5);
        clock.advance(Duration.ofSeconds(60));
        assertThat(breakers.tryAcquire("n1")).isTrue();
        breakers.recordSuccess("n1");
        breakers.recordFailure("n1");
        assertThat(state()).isEqualTo(State.OPEN);
        clock.advance(Duration.ofSeconds(59));
        assertThat(breakers.admits("n1")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breakers.admits("n1")).isTrue();
    }

    @Test
    void resetClosesAndUnknownNodesAreRefused() {
        fail(5);
        long changes = breakers.changes();
        breakers.reset("n1");
        assertThat(state()).isEqualTo(State.CLOSED);
        assertThat(breakers.changes()).isGreaterThan(changes);
        assertThat(breakers.admits("never-seen")).isTrue();
        assertThatThrownBy(() -> breakers.reset("never-seen")).isInstanceOf(NotFoundException.class);
    }
}
