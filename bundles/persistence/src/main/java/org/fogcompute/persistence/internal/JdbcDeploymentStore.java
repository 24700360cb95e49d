package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.DeploymentStore;
import org.fogcompute.api.deployments.StoredDeployment;
import org.fogcompute.api.deployments.Workload;

/**
 * Deployments in the fleet's database (migration V16), in plain JDBC: a save replaces the deployment's row and slots
 * in one transaction. The command and regions are URL-encoded items joined by {@code &}; env and labels as
 * {@link Labels}; ports comma-separated.
 */
public final class JdbcDeploymentStore implements DeploymentStore {
    private final JdbcWork jdbc;

    /** Public for the benchmarks; the runtime's comes with the fleet store. */
    public JdbcDeploymentStore(DataSource dataSource, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
    }

    @Override
    public void save(StoredDeployment deployment) {
        jdbc.inTransaction(connection -> {
            delete(connection, deployment.spec().name());
            DeploymentSpec spec = deployment.spec();
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_deployment (name, owner_name, image, "
                    + "command, env, ports, cpu_cores, memory_mb, storage_mb, gpu, min_reputation, replicas, regions, "
                    + "labels, spread_regions, max_unavailable, algorithm, generation, created_at, updated_at, "
                    + "next_task) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Workload w = spec.workload();
                TaskRequirements r = spec.resources();
                insert.setString(1, spec.name());
                insert.setString(2, deployment.owner());
                insert.setString(3, w.image());
                insert.setString(4, encode(w.command()));
                insert.setString(5, Labels.format(w.env()));
                insert.setString(6, w.ports().isEmpty() ? null
                        : w.ports().stream().map(String::valueOf).collect(Collectors.joining(",")));
                insert.setInt(7, r.cpuCores());
                insert.setLong(8, r.memoryMb());
                insert.setLong(9, r.storageMb());
                insert.setBoolean(10, r.gpu());
                insert.setDouble(11, r.minReputation());
                insert.setInt(12, spec.replicas());
                insert.setString(13, encode(List.copyOf(new TreeSet<>(spec.regions()))));
                insert.setString(14, Labels.format(spec.labels()));
                insert.setBoolean(15, spec.spreadRegions());
                insert.setInt(16, spec.maxUnavailable());
                insert.setString(17, spec.algorithm());
                insert.setLong(18, deployment.generation());
                insert.setLong(19, deployment.createdAt().toEpochMilli());
                insert.setLong(20, deployment.updatedAt().toEpochMilli());
                insert.setLong(21, deployment.nextTask());
                insert.executeUpdate();
            }
            try (PreparedStatement slot = prepare(connection, "INSERT INTO fog_deployment_slot (deployment, slot, "
                    + "task_id, generation, restarts) VALUES (?, ?, ?, ?, ?)")) {
                for (StoredDeployment.Slot s : deployment.slots()) {
                    slot.setString(1, spec.name());
                    slot.setInt(2, s.slot());
                    slot.setString(3, s.taskId());
                    slot.setLong(4, s.generation());
                    slot.setInt(5, s.restarts());
                    slot.addBatch();
                }
                slot.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void remove(String name) {
        jdbc.inTransaction(connection -> {
            delete(connection, name);
            return null;
        });
    }

    private static void delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement slots = prepare(connection, "DELETE FROM fog_deployment_slot WHERE deployment = ?");
             PreparedStatement deployment = prepare(connection, "DELETE FROM fog_deployment WHERE name = ?")) {
            slots.setString(1, name);
            slots.executeUpdate();
            deployment.setString(1, name);
            deployment.executeUpdate();
        }
    }

    @Override
    public List<StoredDeployment> deployments() {
        return jdbc.inTransaction(connection -> {
            Map<String, List<StoredDeployment.Slot>> slots = new HashMap<>();
            try (PreparedStatement query = prepare(connection, "SELECT deployment, slot, task_id, generation, "
                    + "restarts FROM fog_deployment_slot ORDER BY deployment, slot");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    slots.computeIfAbsent(rows.getString(1), n -> new ArrayList<>()).add(new StoredDeployment.Slot(
                            rows.getInt(2), rows.getString(3), rows.getLong(4), rows.getInt(5)));
                }
            }
            List<StoredDeployment> deployments = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT name, owner_name, image, command, env, ports, "
                    + "cpu_cores, memory_mb, storage_mb, gpu, min_reputation, replicas, regions, labels, "
                    + "spread_regions, max_unavailable, algorithm, generation, created_at, updated_at, next_task "
                    + "FROM fog_deployment ORDER BY name"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String ports = rows.getString(6);
                    Workload workload = new Workload(rows.getString(3), decode(rows.getString(4)),
                            Labels.parse(rows.getString(5)), ports == null ? List.of()
                            : Arrays.stream(ports.split(",")).map(Integer::valueOf).toList());
                    TaskRequirements resources = new TaskRequirements(rows.getInt(7), rows.getLong(8),
                            rows.getLong(9), rows.getBoolean(10), rows.getDouble(11));
                    Set<String> regions = new TreeSet<>(decode(rows.getString(13)));
                    String algorithm = rows.getString(17);
                    DeploymentSpec spec = new DeploymentSpec(rows.getString(1), workload, resources, rows.getInt(12),
                            regions, Labels.parse(rows.getString(14)), rows.getBoolean(15), rows.getInt(16),
                            algorithm);
                    deployments.add(new StoredDeployment(spec, rows.getLong(18), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(19)), Instant.ofEpochMilli(rows.getLong(20)),
                            rows.getLong(21), slots.getOrDefault(spec.name(), List.of())));
                }
            }
            return deployments;
        });
    }

    /** Items URL-encoded and joined by {@code &}: an empty list is null, a list of one empty item is "". */
    static String encode(List<String> items) {
        return items.isEmpty() ? null : items.stream().map(item -> URLEncoder.encode(item, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static List<String> decode(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("&", -1)).map(item -> URLDecoder.decode(item, StandardCharsets.UTF_8))
                .toList();
    }
}
