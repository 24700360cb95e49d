package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.util.concurrent.atomic.AtomicInteger;
import org.fogcompute.api.TaskStatus;
import org.junit.jupiter.api.Test;

/** A half-open circuit lets only its trial permits through to task routing, as to any other caller. */
class TrialPermitTest {
    private final Fleet fleet = new Fleet();

    @Test
    void aHalfOpenNodeGetsNoMoreTasksThanItHasTrialPermits() {
        AtomicInteger permits = new AtomicInteger(2); // node "recovering" is half-open with two trial permits
        fleet.coordinator.admission(id -> !id.equals("recovering") || permits.get() > 0,
                id -> !id.equals("recovering") || permits.getAndUpdate(p -> Math.max(0, p - 1)) > 0);
        fleet.coordinator.register(node("recovering", 64, 65536).build());

        for (int i = 0; i < 3; i++) {
            fleet.coordinator.submit(task("t" + i, 1, 256).build());
        }
        assertThat(fleet.coordinator.findTask("t0").orElseThrow().nodeId()).isEqualTo("recovering");
        assertThat(fleet.coordinator.findTask("t1").orElseThrow().nodeId()).isEqualTo("recovering");
        assertThat(fleet.coordinator.findTask("t2").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);

        fleet.coordinator.register(node("healthy", 4, 4096).build());
        assertThat(fleet.coordinator.findTask("t2").orElseThrow().nodeId()).isEqualTo("healthy");
    }

    @Test
    void aPermitTakenElsewhereAfterThePlacerLookedSendsTheTaskToAnotherNode() {
        // admits says yes, but the last permit is gone by the time the task is placed (the load balancer took it)
        AtomicInteger permits = new AtomicInteger(1);
        fleet.coordinator.admission(id -> !id.equals("raced") || permits.get() > 0, id -> {
            if (id.equals("raced")) {
                permits.set(0);
                return false;
            }
            return true;
        });
        fleet.coordinator.register(node("raced", 64, 65536).build());
        fleet.coordinator.register(node("other", 2, 2048).build());

        fleet.coordinator.submit(task("t", 1, 256).build());
        assertThat(fleet.coordinator.findTask("t").orElseThrow().nodeId()).isEqualTo("other");
    }
}
