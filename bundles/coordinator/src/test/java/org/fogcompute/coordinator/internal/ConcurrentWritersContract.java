package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.store.StoreRefusedException;
import org.fogcompute.persistence.internal.JpaFleetStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several writers register nodes, change their status, submit tasks and move them through their lifecycle on a real
 * database, while some of their changes are poisoned: a task the database refuses (a CHECK constraint stands for a
 * value it cannot hold) and registrations of node ids another coordinator already stored. Every acknowledged change
 * must be in memory and, after a restart, in the database; every poisoned change must fail by itself, with its own
 * error; no other change may fail.
 */
abstract class ConcurrentWritersContract {
    private static final int WRITERS = 8;
    private static final int ROUNDS = 150;

    private final List<EntityManagerFactory> factories = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    private final Map<String, NodeStatus> acknowledgedNodes = new ConcurrentHashMap<>();
    private final Map<String, TaskStatus> acknowledgedTasks = new ConcurrentHashMap<>();
    private final Set<String> innocentFailures = ConcurrentHashMap.newKeySet();
    private final AtomicInteger poisonedFailedAlone = new AtomicInteger();
    private final AtomicInteger poisonedAttempts = new AtomicInteger();

    /** A DataSource on a database without fog tables. */
    protected abstract DataSource emptyDatabase() throws SQLException;

    @AfterEach
    void close() {
        pool.shutdownNow();
        factories.forEach(EntityManagerFactory::close);
    }

    private JpaFleetStore store(DataSource dataSource) {
        EntityManagerFactory factory = new PersistenceProvider().createEntityManagerFactory("fog",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        factories.add(factory);
        return new JpaFleetStore(JpaFleetStore.Transactions.resourceLocal(factory), dataSource);
    }

    private Coordinator coordinator(JpaFleetStore store, Fleet fleet) {
        Coordinator coordinator = new Coordinator(CoordinatorSettings.DEFAULTS, Clock.systemUTC(), fleet.strategies,
                EventSink.NONE, store);
        coordinator.restore();
        return coordinator;
    }

    @Test
    void everyAcknowledgedChangeSurvivesARestartAndEachPoisonedChangeFailsAlone() throws Exception {
        DataSource dataSource = emptyDatabase();
        JpaFleetStore store = store(dataSource);
        store.ensureSchema();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE fog_task ADD CONSTRAINT no_poison CHECK (task_type <> 'poison')");
            for (int i = 0; i < WRITERS; i++) {
                sql.execute("INSERT INTO fog_node (id, owner_id, node_type, declared_status, status, region, port, "
                        + "cpu_cores, memory_mb, storage_mb, gpu_count, onion_capable, reputation, cpu_percent, "
                        + "memory_percent, uptime_percent, circuit_count, completed_tasks, failed_tasks, registered_at, "
                        + "last_heartbeat, registration_seq) VALUES ('taken-" + i + "', 'coordinator-2', 'EDGE_DEVICE', "
                        + "'ACTIVE', 'ACTIVE', 'eu', 0, 1, 512, 0, 0, false, 1, 0, 0, 100, 0, 0, 0, 0, 0, 0)");
            }
        }
        Fleet fleet = new Fleet();
        Coordinator coordinator = coordinator(store, fleet);

        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(coordinator, writer)));
        }
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }

        assertThat(innocentFailures).as("changes that failed though nothing was wrong with them").isEmpty();
        assertThat(poisonedFailedAlone.get()).as("poisoned changes that failed with their own error")
                .isEqualTo(poisonedAttempts.get()).isPositive();
        assertThat(coordinator.health().commits().refused()).as("transactions the database refused").isPositive();
        assertThat(coordinator.indexInconsistencies()).isEmpty();
        checkAcknowledged(coordinator, "before the restart");

        Coordinator restarted = coordinator(store(dataSource), new Fleet());
        checkAcknowledged(restarted, "after the restart");
    }

    private void write(Coordinator coordinator, int writer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < ROUNDS; round++) {
            String nodeId = "w" + writer + "-n" + round;
            innocent(nodeId, () -> {
                Node node = coordinator.register(Fleet.node(nodeId, 4, 4096).build());
                acknowledgedNodes.put(nodeId, node.status());
            });
            if (round % 3 == 0) {
                innocent(nodeId + " status", () -> {
                    coordinator.updateStatus(nodeId, NodeStatus.MAINTENANCE);
                    acknowledgedNodes.put(nodeId, NodeStatus.MAINTENANCE);
                });
            }
            String taskId = "w" + writer + "-t" + round;
            innocent(taskId, () -> {
                Task task = coordinator.submit(Fleet.task(taskId, 1, 256).build());
                acknowledgedTasks.put(taskId, task.status());
                if (task.status() == TaskStatus.ASSIGNED && random.nextBoolean()) {
                    acknowledgedTasks.put(taskId, coordinator.start(taskId).status());
                    acknowledgedTasks.put(taskId, coordinator.complete(taskId).status());
                }
            });
            if (round % 10 == writer % 10) {
                poisoned(() -> coordinator.submit(Fleet.task(null, 1, 64).type("poison").build()),
                        StoreRefusedException.class);
            }
            if (round == 20 * (writer % 5) + 7) {
                poisoned(() -> coordinator.register(Fleet.node("taken-" + writer, 1, 512).build()),
                        ConflictException.class);
            }
        }
    }

    private void innocent(String what, Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            innocentFailures.add(what + ": " + e);
        }
    }

    private void poisoned(Runnable change, Class<? extends RuntimeException> ownError) {
        poisonedAttempts.incrementAndGet();
        try {
            change.run();
        } catch (RuntimeException e) {
            if (ownError.isInstance(e)) {
                poisonedFailedAlone.incrementAndGet();
            } else {
                innocentFailures.add("poisoned change failed with another error: " + e);
            }
        }
    }

    private void checkAcknowledged(Coordinator coordinator, String when) {
        acknowledgedNodes.forEach((id, status) -> {
            Optional<Node> node = coordinator.findNode(id);
            assertThat(node).as("acknowledged node %s %s", id, when).isPresent();
            if (status == NodeStatus.MAINTENANCE) {
                assertThat(node.get().status()).as("node %s %s", id, when).isEqualTo(NodeStatus.MAINTENANCE);
            }
        });
        acknowledgedTasks.forEach((id, status) -> {
            Optional<Task> task = coordinator.findTask(id);
            assertThat(task).as("acknowledged task %s %s", id, when).isPresent();
            if (status.isFinished()) {
                assertThat(task.get().status()).as("task %s %s", id, when).isEqualTo(status);
            }
        });
    }
}
