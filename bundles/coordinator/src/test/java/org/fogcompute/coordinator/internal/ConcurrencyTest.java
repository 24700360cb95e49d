package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.FogException;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.routing.internal.RoundRobinStrategy;
import org.junit.jupiter.api.Test;

/**
 * Registration, unregistration, timeouts, submissions and strategy churn at once: every call returns (no deadlock,
 * which the original implementation had on unregister and timeout) and capacity accounting stays exact.
 */
class ConcurrencyTest {

    @Test
    void concurrentMutationsNeitherDeadlockNorLeakCapacity() throws Exception {
        Fleet fleet = new Fleet();
        Coordinator coordinator = fleet.coordinator;
        coordinator.register(node("steady", 4, 4096).build());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        jobs.add(pool.submit(() -> {
            for (int i = 0; i < 2000; i++) {
                coordinator.register(node("n" + i, 2, 2048).build());
                if (i % 3 == 0) {
                    coordinator.unregister("n" + i);
                }
            }
        }));
        jobs.add(pool.submit(() -> {
            for (int i = 0; i < 2000; i++) {
                Task task = coordinator.submit(task("t" + i, 1, 256).build());
                if (i % 2 == 0 && task.status() == TaskStatus.ASSIGNED) {
                    try {
                        coordinator.complete(task.id());
                    } catch (FogException e) {
                        // its node was unregistered meanwhile and it moved: allowed
                    }
                }
            }
        }));
        jobs.add(pool.submit(() -> {
            for (int i = 0; i < 500; i++) {
                fleet.clock.advance(Duration.ofSeconds(1));
                coordinator.checkLiveness();
                coordinator.heartbeat("steady", NodeMetrics.IDLE);
            }
        }));
        jobs.add(pool.submit(() -> {
            for (int i = 0; i < 2000; i++) {
                RoundRobinStrategy churn = new RoundRobinStrategy();
                fleet.strategies.add("churn", churn);
                fleet.strategies.remove("churn", churn);
            }
        }));
        for (Future<?> job : jobs) {
            job.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int reservedCpu = coordinator.list(org.fogcompute.api.NodeQuery.ALL).items().stream()
                .mapToInt(n -> n.reservedCpu()).sum();
        long heldByTasks = coordinator.list(TaskQuery.ALL).items().stream()
                .filter(t -> t.status().holdsReservation()).count();
        assertThat(reservedCpu).isEqualTo(heldByTasks);
        assertThat(coordinator.indexInconsistencies()).isEmpty();
    }
}
