package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.fogcompute.api.p2p.PeerEndpoint;
import org.fogcompute.api.p2p.PeerRecord;
import org.fogcompute.api.p2p.PeerStore;

/**
 * Peer records in the fleet's database (migration V11), in plain JDBC: a record is replaced by a delete and an insert
 * of it and its endpoints in one transaction, retried once when a concurrent writer of the same node won the key.
 */
final class JdbcPeerStore implements PeerStore {
    private final JdbcWork jdbc;

    JdbcPeerStore(DataSource dataSource, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
    }

    @Override
    public void save(PeerRecord record) {
        for (int attempt = 1; ; attempt++) {
            try {
                write(record);
                return;
            } catch (org.fogcompute.api.ConflictException concurrentWriter) {
                if (attempt == 3) {
                    throw concurrentWriter;
                }
            }
        }
    }

    private void write(PeerRecord record) {
        jdbc.inTransaction(connection -> {
            delete(connection, record.nodeId());
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_p2p_peer (node_id, public_key, "
                    + "sequence_number, signed_at, signature) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, record.nodeId());
                insert.setString(2, record.publicKey());
                insert.setLong(3, record.sequence());
                insert.setLong(4, record.signedAt().toEpochMilli());
                insert.setString(5, record.signature());
                insert.executeUpdate();
            }
            try (PreparedStatement endpoint = prepare(connection, "INSERT INTO fog_p2p_endpoint (node_id, position, "
                    + "transport, host, port) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < record.endpoints().size(); i++) {
                    PeerEndpoint e = record.endpoints().get(i);
                    endpoint.setString(1, record.nodeId());
                    endpoint.setInt(2, i);
                    endpoint.setString(3, e.transport());
                    endpoint.setString(4, e.host());
                    endpoint.setInt(5, e.port());
                    endpoint.addBatch();
                }
                endpoint.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void forget(String nodeId) {
        jdbc.inTransaction(connection -> {
            delete(connection, nodeId);
            return null;
        });
    }

    private static void delete(Connection connection, String nodeId) throws SQLException {
        try (PreparedStatement endpoints = prepare(connection, "DELETE FROM fog_p2p_endpoint WHERE node_id = ?");
             PreparedStatement peer = prepare(connection, "DELETE FROM fog_p2p_peer WHERE node_id = ?")) {
            endpoints.setString(1, nodeId);
            endpoints.executeUpdate();
            peer.setString(1, nodeId);
            peer.executeUpdate();
        }
    }

    @Override
    public List<PeerRecord> records() {
        return jdbc.inTransaction(connection -> {
            Map<String, List<PeerEndpoint>> endpoints = new HashMap<>();
            try (PreparedStatement query = prepare(connection, "SELECT node_id, transport, host, port FROM "
                    + "fog_p2p_endpoint ORDER BY node_id, position"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    endpoints.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new PeerEndpoint(
                            rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
            List<PeerRecord> records = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT node_id, public_key, sequence_number, "
                    + "signed_at, signature FROM fog_p2p_peer ORDER BY node_id"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String nodeId = rows.getString(1);
                    records.add(new PeerRecord(nodeId, rows.getString(2), endpoints.getOrDefault(nodeId, List.of()),
                            rows.getLong(3), Instant.ofEpochMilli(rows.getLong(4)), rows.getString(5)));
                }
            }
            return records;
        });
    }
}
