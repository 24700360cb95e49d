package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitStore.StoredCircuit;
import org.fogcompute.api.privacy.HopRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The onion planner's store on a real database; subclasses say which one. */
abstract class CircuitStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private DataSource dataSource;
    private JdbcCircuitStore store;

    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        dataSource = emptyDatabase();
        new SchemaMigrator(dataSource).migrate();
        store = new JdbcCircuitStore(dataSource, () -> { });
    }

    private static Circuit circuit(String id, String taskId, int generation, String... nodes) {
        List<CircuitHop> hops = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            HopRole role = i == 0 ? HopRole.GUARD : i == nodes.length - 1 ? HopRole.EXIT : HopRole.MIDDLE;
            hops.add(new CircuitHop(nodes[i], role, "region-" + nodes[i], "op-" + nodes[i]));
        }
        return new Circuit(id, "alice", taskId, PrivacyLevel.PRIVATE, 0.5, hops, T0, T0.plusSeconds(1800), generation);
    }

    @Test
    void aCircuitIsStoredWithItsHopsInOrderReplacedAndDeleted() {
        store.save(new StoredCircuit(circuit("c-1", null, 0, "a", "b", "c"), null));
        store.save(new StoredCircuit(circuit("c-2", "t-1", 0, "d", "e", "f", "g", "h"), "node-9"));
        store.save(new StoredCircuit(circuit("c-1", null, 1, "a", "x", "c"), null));

        List<StoredCircuit> stored = new JdbcCircuitStore(dataSource, () -> { }).circuits();
        assertThat(stored).containsExactly(new StoredCircuit(circuit("c-1", null, 1, "a", "x", "c"), null),
                new StoredCircuit(circuit("c-2", "t-1", 0, "d", "e", "f", "g", "h"), "node-9"));

        store.delete("c-1");
        store.delete("c-1");
        assertThat(store.circuits()).extracting(s -> s.circuit().id()).containsExactly("c-2");
    }

    @Test
    void aGuardSetIsKeptInOrderAndAnEmptyOneRemoved() {
        store.saveGuards("alice", List.of("g2", "g1"));
        store.saveGuards("bob", List.of("g3"));
        store.saveGuards("alice", List.of("g2", "g1", "g4"));
        assertThat(store.guards()).isEqualTo(Map.of("alice", List.of("g2", "g1", "g4"), "bob", List.of("g3")));
        store.saveGuards("bob", List.of());
        assertThat(store.guards()).containsOnlyKeys("alice");
    }

    @Test
    void twoWritersOfOneCircuitAtOnceLeaveItStoredOnce() throws Exception {
        StoredCircuit circuit = new StoredCircuit(circuit("c-race", null, 0, "a", "b", "c"), null);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 100; round++) {
                List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    saves.add(writers.submit(() -> store.save(circuit)));
                }
                for (java.util.concurrent.Future<?> save : saves) {
                    save.get(); // a writer that lost the race on the key must not fail
                }
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(store.circuits()).containsExactly(circuit);
    }
}
