package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitStore;
import org.fogcompute.api.privacy.HopRole;

/**
 * Onion circuits and guard sets in the fleet's database (migration V10), in plain JDBC: a circuit is replaced by a
 * delete and an insert of it and its hops in one transaction; a guard set likewise.
 */
final class JdbcCircuitStore implements CircuitStore {
    private final JdbcWork jdbc;

    JdbcCircuitStore(DataSource dataSource, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
    }

    /**
     * Replaces what is stored under the circuit's id. Two writers of one circuit (a plan stored before it is answered,
     * and the same change written behind) may both delete and then both insert: the one that loses the race on the
     * key writes again, replacing the other's row with the same content.
     */
    @Override
    public void save(StoredCircuit stored) {
        for (int attempt = 1; ; attempt++) {
            try {
                write(stored);
                return;
            } catch (org.fogcompute.api.ConflictException concurrentWriter) {
                if (attempt == 3) {
                    throw concurrentWriter;
                }
            }
        }
    }

    private void write(StoredCircuit stored) {
        Circuit circuit = stored.circuit();
        jdbc.inTransaction(connection -> {
            delete(connection, circuit.id());
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_onion_circuit (id, client, task_id, "
                    + "privacy, min_reputation, created_at, expires_at, generation, destination) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, circuit.id());
                insert.setString(2, circuit.client());
                insert.setString(3, circuit.taskId());
                insert.setString(4, circuit.level().name());
                insert.setDouble(5, circuit.minReputation());
                insert.setLong(6, circuit.createdAt().toEpochMilli());
                insert.setLong(7, circuit.expiresAt().toEpochMilli());
                insert.setInt(8, circuit.generation());
                insert.setString(9, stored.destination());
                insert.executeUpdate();
            }
            try (PreparedStatement hop = prepare(connection, "INSERT INTO fog_onion_hop (circuit_id, position, "
                    + "node_id, role, region, operator_account) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < circuit.hops().size(); i++) {
                    CircuitHop h = circuit.hops().get(i);
                    hop.setString(1, circuit.id());
                    hop.setInt(2, i);
                    hop.setString(3, h.nodeId());
                    hop.setString(4, h.role().name());
                    hop.setString(5, h.region());
                    hop.setString(6, h.operator());
                    hop.addBatch();
                }
                hop.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void delete(String circuitId) {
        jdbc.inTransaction(connection -> {
            delete(connection, circuitId);
            return null;
        });
    }

    private static void delete(Connection connection, String circuitId) throws SQLException {
        try (PreparedStatement hops = prepare(connection, "DELETE FROM fog_onion_hop WHERE circuit_id = ?");
             PreparedStatement circuit = prepare(connection, "DELETE FROM fog_onion_circuit WHERE id = ?")) {
            hops.setString(1, circuitId);
            hops.executeUpdate();
            circuit.setString(1, circuitId);
            circuit.executeUpdate();
        }
    }

    @Override
    public List<StoredCircuit> circuits() {
        return jdbc.inTransaction(connection -> {
            Map<String, List<CircuitHop>> hops = new LinkedHashMap<>();
            try (PreparedStatement query = prepare(connection, "SELECT circuit_id, node_id, role, region, "
                    + "operator_account FROM fog_onion_hop ORDER BY circuit_id, position");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hops.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new CircuitHop(
                            rows.getString(2), HopRole.valueOf(rows.getString(3)), rows.getString(4),
                            rows.getString(5)));
                }
            }
            List<StoredCircuit> circuits = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT id, client, task_id, privacy, min_reputation, "
                    + "created_at, expires_at, generation, destination FROM fog_onion_circuit ORDER BY created_at, id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    circuits.add(new StoredCircuit(new Circuit(id, rows.getString(2), rows.getString(3),
                            PrivacyLevel.valueOf(rows.getString(4)), rows.getDouble(5), hops.getOrDefault(id,
                            List.of()), Instant.ofEpochMilli(rows.getLong(6)), Instant.ofEpochMilli(rows.getLong(7)),
                            rows.getInt(8)), rows.getString(9)));
                }
            }
            return circuits;
        });
    }

    @Override
    public void saveGuards(String client, List<String> guards) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM fog_onion_guard WHERE client = ?")) {
                delete.setString(1, client);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_onion_guard (client, position, "
                    + "node_id) VALUES (?, ?, ?)")) {
                for (int i = 0; i < guards.size(); i++) {
                    insert.setString(1, client);
                    insert.setInt(2, i);
                    insert.setString(3, guards.get(i));
                    insert.addBatch();
                }
                if (!guards.isEmpty()) {
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public Map<String, List<String>> guards() {
        return jdbc.inTransaction(connection -> {
            Map<String, List<String>> guards = new LinkedHashMap<>();
            try (PreparedStatement query = prepare(connection, "SELECT client, node_id FROM fog_onion_guard "
                    + "ORDER BY client, position"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    guards.computeIfAbsent(rows.getString(1), c -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            return guards;
        });
    }
}
