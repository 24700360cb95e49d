package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import org.fogcompute.api.Task;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.scheduling.WaitReason;
import org.junit.jupiter.api.Test;

/** Routing by the reputation nodes earned (fed by the reputation service), not by what they declare. */
class EarnedReputationTest {
    private final Fleet fleet = new Fleet();
    private final Coordinator coordinator = fleet.coordinator;

    @Test
    void withoutTheReputationServiceANodeKeepsWhatItDeclared() {
        coordinator.register(node("n", 4, 4096).reputation(0.9).build());
        coordinator.reputation("n", 0.2); // nobody feeds reputation: ignored
        assertThat(coordinator.findNode("n").orElseThrow().spec().reputation()).isEqualTo(0.9);
    }

    @Test
    void onceReputationIsEarnedADeclaredOneCountsForNothingAndChangesApplyAtOnce() {
        coordinator.useEarnedReputation(true);
        coordinator.register(node("boaster", 4, 4096).reputation(1.0).build());
        assertThat(coordinator.findNode("boaster").orElseThrow().spec().reputation()).isEqualTo(0.5);

        coordinator.reputation("known", 0.8); // known before it registers (a restart, a refresh)
        coordinator.register(node("known", 4, 4096).reputation(0.1).build());
        assertThat(coordinator.findNode("known").orElseThrow().spec().reputation()).isEqualTo(0.8);

        coordinator.reputation("boaster", 0.35);
        assertThat(coordinator.findNode("boaster").orElseThrow().spec().reputation()).isEqualTo(0.35);
        assertThat(coordinator.indexInconsistencies()).isEmpty();
    }

    @Test
    void amongEquallyLoadedNodesTheMoreReputableGetsTheTask() {
        coordinator.useEarnedReputation(true);
        for (String id : new String[] {"a", "b", "c"}) {
            coordinator.register(node(id, 4, 4096).build());
        }
        coordinator.reputation("b", 0.9);
        coordinator.reputation("a", 0.3);
        assertThat(coordinator.submit(task("t1", 1, 256).build()).nodeId()).isEqualTo("b");
        // b is loaded now: the idle nodes come first, the better of them (c, 0.5, over a, 0.3)
        assertThat(coordinator.submit(task("t2", 1, 256).build()).nodeId()).isEqualTo("c");
    }

    @Test
    void aTaskWithAReputationFloorWaitsForAReputableNodeAndIsPlacedWhenOneEarnsIt() {
        coordinator.useEarnedReputation(true);
        coordinator.register(node("novice", 4, 4096).build());
        Task waiting = coordinator.submit(task("careful", 1, 256).minReputation(0.8).build());
        assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(waiting.message()).contains("reputation >= 0.8").contains("0 of them reputable enough");
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.NO_REPUTABLE_NODE);

        coordinator.reputation("novice", 0.85);
        coordinator.tickQueue();
        Task placed = coordinator.findTask("careful").orElseThrow();
        assertThat(placed.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(placed.nodeId()).isEqualTo("novice");
    }
}
