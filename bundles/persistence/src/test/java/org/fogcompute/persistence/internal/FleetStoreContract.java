package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.store.FleetStore.Changes;
import org.fogcompute.api.store.FleetStore.StoredNode;
import org.fogcompute.api.store.StoreRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's behaviour on a real database; subclasses say which one. */
abstract class FleetStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private EntityManagerFactory factory;
    protected DataSource dataSource;
    protected JpaFleetStore store;

    /** A DataSource on an empty database (tables of earlier runs dropped). */
    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        dataSource = emptyDatabase();
        factory = new PersistenceProvider().createEntityManagerFactory("fog",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        store = new JpaFleetStore(JpaFleetStore.Transactions.resourceLocal(factory), dataSource);
    }

    @AfterEach
    void closeStore() {
        factory.close();
    }

    protected static void dropFogTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : SchemaMigrator.TABLES) {
                if (SchemaMigrator.tableExists(connection, table)) {
                    statement.execute("DROP TABLE " + table);
                }
            }
        }
    }

    static Node node(String id, NodeStatus status) {
        NodeSpec spec = NodeSpec.builder(id).type(NodeType.GATEWAY).capacity(new Capacity(8, 16384, 50_000, 1))
                .region("eu-west").location(53.3, -6.3).address("10.0.0.7", 7000).onionCapable(true)
                .reputation(0.75).labels(Map.of("rack", "r1", "note", "a=b & c")).price(0.25, 4.5).build();
        return new Node(spec, status, new NodeMetrics(12.5, 40, 99.5, 3), 2, 1024, 1, 7, 2, T0, T0.plusSeconds(30));
    }

    static Task task(String id, TaskStatus status, String nodeId) {
        TaskSpec spec = TaskSpec.builder().id(id).type("render").priority(2).requirements(2, 1024).gpu(true)
                .privacy(PrivacyLevel.CONFIDENTIAL).requireOnionCircuit(true).preferredRegion("eu-west")
                .preferredLocation(50.1, 8.7).deadline(T0.plusSeconds(3600)).payload("{\"frames\": [1, 2, 3]}")
                .strategy("affinity").jobId("job-1").preferredResource(ResourcePreference.GPU).priceLimit(12.5)
                .schedulingStrategy("cost")
                .placement(new org.fogcompute.api.Placement(Set.of("eu west", "eu,central"),
                        Map.of("tier", "edge", "note", "a&b=c"), Set.of("node-1", "node-2")))
                .build();
        return new Task(spec, status, nodeId, nodeId == null ? null : "affinity", 1,
                status == TaskStatus.PENDING ? "no eligible node" : null, T0, nodeId == null ? null : T0.plusSeconds(1),
                status == TaskStatus.RUNNING ? T0.plusSeconds(2) : null,
                status.isFinished() ? T0.plusSeconds(9) : null);
    }

    @Test
    void migrationCreatesTheTablesWithEveryIndexOfTheSpec() throws SQLException {
        assertThat(store.ensureSchema()).isEqualTo(SchemaMigrator.MIGRATIONS.size());
        Map<Set<String>, Boolean> nodeIndexes = indexes("fog_node");
        assertThat(nodeIndexes).containsEntry(Set.of("id"), true);
        assertThat(nodeIndexes).containsKeys(Set.of("node_type"), Set.of("region"), Set.of("status"),
                Set.of("last_heartbeat"), Set.of("status", "region"), Set.of("node_type", "status"));
        Map<Set<String>, Boolean> taskIndexes = indexes("fog_task");
        assertThat(taskIndexes).containsEntry(Set.of("id"), true);
        assertThat(taskIndexes).containsKeys(Set.of("node_id"), Set.of("job_id"), Set.of("status"),
                Set.of("status", "node_id"));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        store.ensureSchema();
        assertThat(new SchemaMigrator(dataSource).migrate()).isEqualTo(SchemaMigrator.MIGRATIONS.size());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + SchemaMigrator.VERSION_TABLE)) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(SchemaMigrator.MIGRATIONS.size());
        }
    }

    @Test
    void committedNodesAndUnfinishedTasksComeBackIntact() {
        Node gateway = node("gw-1", NodeStatus.ACTIVE);
        store.commit("c1", changes(List.of(new StoredNode(gateway, NodeStatus.ACTIVE)), List.of(),
                List.of(task("pending", TaskStatus.PENDING, null), task("running", TaskStatus.RUNNING, "gw-1"),
                        task("done", TaskStatus.COMPLETED, "gw-1"))));

        var snapshot = store.load("c1");

        assertThat(snapshot.nodes()).hasSize(1);
        Node loaded = snapshot.nodes().get(0).node();
        assertThat(loaded.spec()).isEqualTo(gateway.spec());
        assertThat(loaded.metrics()).isEqualTo(gateway.metrics());
        assertThat(loaded.registeredAt()).isEqualTo(T0);
        assertThat(loaded.lastHeartbeat()).isEqualTo(T0.plusSeconds(30));
        assertThat(loaded.completedTasks()).isEqualTo(7);
        assertThat(snapshot.unfinishedTasks()).extracting(Task::id).containsExactly("pending", "running");
        assertThat(snapshot.unfinishedTasks().get(1)).isEqualTo(task("running", TaskStatus.RUNNING, "gw-1"));
        assertThat(store.load("another-coordinator").nodes()).isEmpty();
    }

    @Test
    void updatesAndRemovalsAreApplied() {
        store.commit("c1", changes(List.of(new StoredNode(node("a", NodeStatus.ACTIVE), NodeStatus.ACTIVE),
                new StoredNode(node("b", NodeStatus.ACTIVE), NodeStatus.ACTIVE)), List.of(),
                List.of(task("t", TaskStatus.ASSIGNED, "a"))));
        store.commit("c1", changes(List.of(new StoredNode(node("a", NodeStatus.MAINTENANCE),
                NodeStatus.MAINTENANCE)), List.of("b"), List.of(task("t", TaskStatus.COMPLETED, "a"))));

        var snapshot = store.load("c1");
        assertThat(snapshot.nodes()).extracting(n -> n.node().id()).containsExactly("a");
        assertThat(snapshot.nodes().get(0).declaredStatus()).isEqualTo(NodeStatus.MAINTENANCE);
        assertThat(snapshot.unfinishedTasks()).isEmpty();
        var info = store.info();
        assertThat(info.nodes()).isEqualTo(1);
        assertThat(info.tasks()).isEqualTo(1);
        assertThat(info.unfinishedTasks()).isZero();
        assertThat(info.schemaVersion()).isEqualTo(SchemaMigrator.MIGRATIONS.size());
        assertThat(info.url()).doesNotContain("password=secret");
    }

    @Test
    void heartbeatsAreSavedInABatch() {
        store.commit("c1", changes(List.of(new StoredNode(node("a", NodeStatus.ACTIVE), NodeStatus.ACTIVE)),
                List.of(), List.of()));
        Node later = new Node(node("a", NodeStatus.ACTIVE).spec(), NodeStatus.ACTIVE,
                new NodeMetrics(99, 98, 97, 5), 0, 0, 0, 7, 2, T0, T0.plusSeconds(600));
        store.saveHeartbeats("c1", List.of(later));
        Node loaded = store.load("c1").nodes().get(0).node();
        assertThat(loaded.lastHeartbeat()).isEqualTo(T0.plusSeconds(600));
        assertThat(loaded.metrics().cpuPercent()).isEqualTo(99);
    }

    @Test
    void aFailedCommitLeavesNothingBehind() {
        Node a = node("a", NodeStatus.ACTIVE);
        store.commit("c1", changes(List.of(new StoredNode(a, NodeStatus.ACTIVE)), List.of(), List.of()));
        // a message longer than its column: the database refuses the whole transaction
        Task bad = new Task(new TaskSpec("broken", "ok", 5, null, null, false, null, null, null, null, null, null),
                TaskStatus.PENDING, null, null, 0, "m".repeat(5000), T0, null, null, null);
        assertThatThrownBy(() -> store.commit("c1", changes(
                List.of(new StoredNode(node("b", NodeStatus.ACTIVE), NodeStatus.ACTIVE)), List.of(), List.of(bad))))
                .as("a refusal of the change, not an unavailable database").isInstanceOf(StoreRefusedException.class);
        assertThat(store.load("c1").nodes()).extracting(n -> n.node().id()).containsExactly("a");
    }

    @Test
    void recentFinishedTasksAreLoadedNewestFirstAndPrunedByCountAndAge() {
        List<Task> finished = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Task t = task("f" + i, TaskStatus.COMPLETED, null);
            finished.add(new Task(t.spec(), t.status(), null, null, 0, null, T0, null, null, T0.plusSeconds(i)));
        }
        store.commit("c1", new Changes(List.of(), List.of(), List.of(), finished, List.of(), List.of(
                new TaskAssignment("f0", "n1", "affinity", 1, T0), new TaskAssignment("f4", "n1", "affinity", 1, T0),
                new TaskAssignment("f4", "n2", "least-loaded", 2, T0.plusSeconds(1)))));
        assertThat(store.load("c1", 3).finishedTasks()).extracting(Task::id).containsExactly("f4", "f3", "f2");
        assertThat(store.load("c1", 3).assignments()).extracting(TaskAssignment::attempt).containsExactly(1, 2);
        assertThat(store.assignments("f4")).extracting(TaskAssignment::nodeId).containsExactly("n1", "n2");
        assertThat(store.load("c1").finishedTasks()).isEmpty();

        assertThat(store.pruneFinishedTasks("c1", 4, T0)).as("beyond the count").isEqualTo(1);
        assertThat(store.findTask("f0")).isEmpty();
        assertThat(store.assignments("f0")).as("placements go with their task").isEmpty();
        assertThat(store.pruneFinishedTasks("c1", 4, T0.plusSeconds(3))).as("older than the cut").isEqualTo(2);
        assertThat(store.load("c1", 10).finishedTasks()).extracting(Task::id).containsExactly("f4", "f3");
        assertThat(store.pruneFinishedTasks("another", 0, T0.plusSeconds(100))).isZero();
    }

    @Test
    void aFinishedTaskIsFoundByIdThoughLoadSkipsIt() {
        store.commit("c1", new Changes(List.of(), List.of(), List.of(), List.of(task("done", TaskStatus.COMPLETED,
                null)), List.of()));
        assertThat(store.load("c1").unfinishedTasks()).isEmpty();
        assertThat(store.findTask("done")).get().extracting(Task::status).isEqualTo(TaskStatus.COMPLETED);
        assertThat(store.findTask("never")).isEmpty();
    }

    @Test
    void aDatabaseOfAnOlderVersionIsUpgradedWithItsData() throws SQLException {
        assertThat(new SchemaMigrator(dataSource, SchemaMigrator.MIGRATIONS.subList(0, 1)).migrate()).isEqualTo(1);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO fog_node (id, owner_id, node_type, declared_status, status, region,"
                    + " port, cpu_cores, memory_mb, storage_mb, gpu_count, onion_capable, reputation, cpu_percent,"
                    + " memory_percent, uptime_percent, circuit_count, completed_tasks, failed_tasks, registered_at,"
                    + " last_heartbeat) VALUES ('old-b', 'c1', 'GATEWAY', 'ACTIVE', 'ACTIVE', 'eu', 0, 2, 2048, 0, 0,"
                    + " FALSE, 1.0, 0, 0, 100, 0, 0, 0, 2000, 2000)");
            statement.executeUpdate("INSERT INTO fog_node (id, owner_id, node_type, declared_status, status, region,"
                    + " port, cpu_cores, memory_mb, storage_mb, gpu_count, onion_capable, reputation, cpu_percent,"
                    + " memory_percent, uptime_percent, circuit_count, completed_tasks, failed_tasks, registered_at,"
                    + " last_heartbeat) VALUES ('old-a', 'c1', 'GATEWAY', 'ACTIVE', 'ACTIVE', 'eu', 0, 2, 2048, 0, 0,"
                    + " FALSE, 1.0, 0, 0, 100, 0, 0, 0, 3000, 3000)");
        }

        assertThat(store.ensureSchema()).isEqualTo(SchemaMigrator.MIGRATIONS.size());

        var nodes = store.load("c1").nodes();
        assertThat(nodes).extracting(n -> n.node().id()).containsExactly("old-b", "old-a");
        assertThat(nodes.get(0).registrationSequence()).isEqualTo(2000);
        assertThat(nodes.get(0).node().spec().price()).as("no price declared before V4").isNull();
        store.commit("c1", new Changes(List.of(new StoredNode(node("new", NodeStatus.ACTIVE), NodeStatus.ACTIVE,
                3001)), List.of(), List.of(), List.of(), List.of()));
        assertThat(store.load("c1").nodes()).extracting(n -> n.node().id()).containsExactly("old-b", "old-a", "new");
    }

    /** Changes with everything saved as "changed" rows, so the store must look each row up. */
    private static Changes changes(List<StoredNode> nodes, List<String> removed, List<Task> tasks) {
        return new Changes(List.of(), nodes, removed, List.of(), tasks);
    }

    @Test
    void newRowsAreInsertedWithoutALookup() {
        store.commit("c1", new Changes(List.of(new StoredNode(node("n", NodeStatus.ACTIVE), NodeStatus.ACTIVE)),
                List.of(), List.of(), List.of(task("t", TaskStatus.ASSIGNED, "n")), List.of()));
        assertThat(store.load("c1").unfinishedTasks()).extracting(Task::nodeId).containsExactly("n");
        assertThatThrownBy(() -> store.commit("c1", new Changes(List.of(new StoredNode(node("n", NodeStatus.ACTIVE),
                NodeStatus.ACTIVE)), List.of(), List.of(), List.of(), List.of())))
                .as("a duplicate key is a conflict of this change").isInstanceOf(ConflictException.class);
    }

    /** Index column sets of a table (lower case) → unique, as the database's own catalog reports them. */
    private Map<Set<String>, Boolean> indexes(String table) throws SQLException {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet rows = metaData.getIndexInfo(null, null, name, false, false)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    String column = rows.getString("COLUMN_NAME");
                    if (index == null || column == null) {
                        continue;
                    }
                    columns.computeIfAbsent(index, i -> new HashSet<>()).add(column.toLowerCase(Locale.ROOT));
                    unique.put(index, !rows.getBoolean("NON_UNIQUE"));
                }
            }
        }
        Map<Set<String>, Boolean> result = new HashMap<>();
        columns.forEach((index, cols) -> result.merge(cols, unique.get(index), Boolean::logicalOr));
        return result;
    }
}
