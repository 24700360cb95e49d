package org.fogcompute.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.ReputationEvent;
import org.fogcompute.persistence.internal.JdbcLedgerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** Reputation arithmetic, decay, and recording once per outcome on the real store over embedded Derby. */
class ReputationBookTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private JdbcLedgerStore store;
    private MovableClock clock;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void openStore() throws Exception {
        clock = new MovableClock();
        store = EmbeddedStore.open(clock);
    }

    @Test
    void outcomesMoveThePointsWithinTheirBounds() {
        NodeReputation fresh = NodeReputation.fresh("n", T0);
        assertThat(fresh.score()).isEqualTo(0.5);
        assertThat(ReputationBook.apply(fresh, ReputationEvent.SUCCESS, T0).points()).isEqualTo(110);
        assertThat(ReputationBook.apply(fresh, ReputationEvent.FAILURE, T0).points()).isEqualTo(85);
        assertThat(ReputationBook.apply(fresh, ReputationEvent.LOST_DURING_TASK, T0).points()).isEqualTo(75);
        NodeReputation best = new NodeReputation("n", 195, 0, 0, 0, T0);
        assertThat(ReputationBook.apply(best, ReputationEvent.SUCCESS, T0).points()).isEqualTo(200);
        NodeReputation worst = new NodeReputation("n", 10, 0, 0, 0, T0);
        assertThat(ReputationBook.apply(worst, ReputationEvent.LOST_DURING_TASK, T0).points()).isZero();
    }

    @Test
    void withoutOutcomesThePointsDecayHalfWayBackPerHalfLife() {
        NodeReputation good = new NodeReputation("n", 180, 8, 0, 0, T0);
        assertThat(ReputationBook.decayed(good, T0.plus(WEEK), WEEK).points()).isCloseTo(140, within(1e-9));
        assertThat(ReputationBook.decayed(good, T0.plus(WEEK.multipliedBy(2)), WEEK).points())
                .isCloseTo(120, within(1e-9));
        NodeReputation bad = new NodeReputation("n", 40, 0, 4, 0, T0);
        assertThat(ReputationBook.decayed(bad, T0.plus(WEEK), WEEK).points()).isCloseTo(70, within(1e-9));
    }

    @Test
    void eachOutcomeCountsOnceAndConcurrentOutcomesAddUp() throws Exception {
        ReputationBook book = new ReputationBook(store, clock, WEEK);
        assertThat(book.of("n1").points()).isEqualTo(100);
        book.record("done:t1", "n1", ReputationEvent.SUCCESS);
        book.record("done:t1", "n1", ReputationEvent.SUCCESS);
        assertThat(book.of("n1").points()).isEqualTo(110);
        assertThat(book.of("n1").successes()).isEqualTo(1);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = "failed:c" + i;
            outcomes.add(pool.submit(() -> book.record(key, "n2", ReputationEvent.FAILURE)));
        }
        for (Future<?> outcome : outcomes) {
            outcome.get();
        }
        pool.shutdown();
        assertThat(book.of("n2").points()).isEqualTo(100 - 6 * 15);
        assertThat(book.of("n2").failures()).isEqualTo(6);

        clock.now = T0.plus(WEEK);
        assertThat(book.of("n1").points()).isCloseTo(105, within(1e-6));
        assertThat(book.all(0, 10)).extracting(NodeReputation::nodeId).containsExactly("n1", "n2");
    }

    @Test
    void theCoordinatorsTaskEventsFeedIt() {
        ReputationComponent reputation = new ReputationComponent(store, new ReputationComponent.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ReputationComponent.Config.class;
            }

            @Override
            public long half_life_hours() {
                return 168;
            }
        });
        reputation.handleEvent(new Event("fog/task/COMPLETED", Map.of("task.id", "a", "node.id", "n")));
        reputation.handleEvent(new Event("fog/task/COMPLETED", Map.of("task.id", "a", "node.id", "n")));
        reputation.handleEvent(new Event("fog/task/FAILED", Map.of("task.id", "b", "node.id", "n")));
        reputation.handleEvent(new Event("fog/task/NODE_LOST", Map.of("task.id", "c", "node.id", "n", "attempt", 1)));
        reputation.handleEvent(new Event("fog/task/NODE_LOST", Map.of("task.id", "c", "node.id", "m", "attempt", 2)));
        reputation.handleEvent(new Event("fog/task/FAILED", Map.of("task.id", "never-ran")));
        NodeReputation n = reputation.of("n");
        // real time passes between the events: a hair of decay toward 100
        assertThat(n.points()).isCloseTo(100 + 10 - 15 - 25, within(1e-3));
        assertThat(List.of(n.successes(), n.failures(), n.lost())).containsExactly(1L, 1L, 1L);
        assertThat(reputation.of("m").points()).isCloseTo(75, within(1e-3));
    }
}
