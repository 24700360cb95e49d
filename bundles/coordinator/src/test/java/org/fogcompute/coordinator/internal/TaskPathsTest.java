package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.fogcompute.api.privacy.TaskPaths;
import org.fogcompute.api.scheduling.WaitReason;
import org.junit.jupiter.api.Test;

/**
 * With the onion service attached, a task that needs onion routing is placed together with a circuit to its node,
 * or waits for a privacy path; tasks that do not need one never ask.
 */
class TaskPathsTest {
    private final Fleet fleet = new Fleet();
    private final Coordinator coordinator = fleet.coordinator;
    private final RecordingPaths paths = new RecordingPaths();

    @Test
    void aTaskThatNeedsACircuitWaitsForAPrivacyPathAndIsPlacedWithOneWhenThereIs() {
        coordinator.register(node("relay-a", 4, 4096).onionCapable(true).build());
        coordinator.register(node("relay-b", 4, 4096).onionCapable(true).build());
        coordinator.attach(paths);
        paths.refusal = "no privacy path: no usable exit";

        Task waiting = coordinator.submit(task("secret", 1, 256).privacy(PrivacyLevel.CONFIDENTIAL).build(), "alice");
        assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(coordinator.stats().parked()).containsEntry(WaitReason.NO_PRIVACY_PATH, 1);
        assertThat(coordinator.findTask("secret").orElseThrow().message()).contains("no usable exit");

        paths.refusal = null;
        coordinator.flush();
        Task placed = coordinator.findTask("secret").orElseThrow();
        assertThat(placed.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(paths.planned).last().isEqualTo("secret for alice to " + placed.nodeId());
        assertThat(paths.relays.test(placed.nodeId())).as("the coordinator's own view of who may relay").isTrue();

        Task plain = coordinator.submit(task("plain", 1, 256).build(), "alice");
        assertThat(plain.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(paths.planned).as("a task without privacy needs asks for no circuit").hasSize(1);
    }

    @Test
    void detachedPathsAreNotAskedAgain() {
        coordinator.register(node("relay-a", 4, 4096).onionCapable(true).build());
        coordinator.attach(paths);
        coordinator.detach(new RecordingPaths()); // someone else's: changes nothing
        coordinator.submit(task("one", 1, 256).requireOnionCircuit(true).build(), "alice");
        assertThat(paths.planned).hasSize(1);
        coordinator.detach(paths);
        Task two = coordinator.submit(task("two", 1, 256).requireOnionCircuit(true).build(), "alice");
        assertThat(two.status()).as("never placed with less privacy than asked").isEqualTo(TaskStatus.PENDING);
        assertThat(two.message()).contains("privacy policy service (vpn) is not running");
        assertThat(paths.planned).hasSize(1);

        coordinator.attach(paths);
        assertThat(coordinator.findTask("two").orElseThrow().status()).as("tried again once a policy is attached")
                .isEqualTo(TaskStatus.ASSIGNED);
        assertThat(paths.planned).hasSize(2);
    }

    @Test
    void aPrivateTaskWaitsForItsPathAndAPublicOneNeverAsks() {
        coordinator.register(node("n", 4, 4096).build());
        Task waiting = coordinator.submit(task("private", 1, 256).privacy(PrivacyLevel.PRIVATE).build(), "alice");
        assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(coordinator.stats().parked()).containsEntry(WaitReason.NO_PRIVACY_PATH, 1);
        assertThat(coordinator.submit(task("public", 1, 256).build(), "alice").status())
                .isEqualTo(TaskStatus.ASSIGNED);
    }

    /** Paths that refuse while told to and record what they planned. */
    private static final class RecordingPaths implements TaskPaths {
        final List<String> planned = new ArrayList<>();
        String refusal;
        Predicate<String> relays;

        @Override
        public Circuit planFor(TaskSpec task, String client, String destination, Predicate<String> canRelay) {
            if (refusal != null) {
                throw new NoPrivacyPathException(refusal);
            }
            relays = canRelay;
            planned.add(task.id() + " for " + client + " to " + destination);
            return new Circuit("c-" + task.id(), client, task.id(), task.privacy(), 0, List.of(), Instant.EPOCH,
                    Instant.EPOCH, 0);
        }

        @Override
        public void released(String taskId) {
        }
    }
}
