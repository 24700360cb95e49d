package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fogcompute.api.TaskAssignment;
import org.junit.jupiter.api.Test;

class AssignmentsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void placementsRoundTripWhateverTheStrategyIsCalled() {
        List<TaskAssignment> placed = List.of(new TaskAssignment("t", "n-1", "spread;by,region %", 1, T0),
                new TaskAssignment("t", "n:2", null, 2, T0.plusMillis(5)));
        String stored = Assignments.append(Assignments.append(null, placed.subList(0, 1)), placed.subList(1, 2));
        assertThat(Assignments.parse("t", stored)).isEqualTo(placed);
        assertThat(Assignments.parse("t", null)).isEmpty();
    }

    @Test
    void onlyTheNewestPlacementsThatFitTheColumnAreKept() {
        List<TaskAssignment> many = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            many.add(new TaskAssignment("t", "node-" + "x".repeat(100) + i, "least-loaded", i, T0));
        }
        String stored = Assignments.append(null, many);
        assertThat(stored.length()).isLessThanOrEqualTo(Assignments.MAX_CHARS);
        List<TaskAssignment> kept = Assignments.parse("t", stored);
        assertThat(kept.get(kept.size() - 1).attempt()).isEqualTo(100);
        assertThat(kept.get(0).attempt()).isGreaterThan(1);
    }
}
