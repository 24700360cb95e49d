package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.isDuplicate;
import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fogcompute.api.ledger.NodeReputation;

/**
 * Node reputation in the fleet's database (migration V6), in plain JDBC: an outcome is claimed by its key
 * ({@code fog_reputation_event}), so a replayed event changes nothing, and the node's row is write-locked until commit,
 * so that two outcomes of one node are applied one after the other.
 */
final class JdbcReputationStore {
    private final JdbcWork jdbc;
    private final Clock clock;

    JdbcReputationStore(JdbcWork jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public NodeReputation changeReputation(String key, String nodeId, NodeReputation fresh,
                                           UnaryOperator<NodeReputation> change) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement claim = prepare(connection, "INSERT INTO fog_reputation_event (event_key, "
                    + "node_id, at_millis) VALUES (?, ?, ?)")) {
                claim.setString(1, key);
                claim.setString(2, nodeId);
                claim.setLong(3, clock.millis());
                claim.executeUpdate();
            } catch (SQLException e) {
                if (isDuplicate(e)) {
                    connection.rollback(); // recorded before (or concurrently): nothing more to change
                    return reputation(connection, nodeId).orElse(fresh);
                }
                throw e;
            }
            // lock the node's row until commit with a write (a SELECT ... FOR UPDATE holds its lock only while the
            // cursor is on the row under Derby's read committed); a node's first outcome inserts the row instead
            if (!lockReputation(connection, nodeId)) {
                // PostgreSQL aborts a transaction at its first error: the insert that may collide gets a savepoint
                java.sql.Savepoint beforeInsert = connection.setSavepoint();
                try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_reputation (node_id, points, "
                        + "successes, failures, lost, updated_at) VALUES (?, ?, 0, 0, 0, ?)")) {
                    insert.setString(1, nodeId);
                    insert.setDouble(2, fresh.points());
                    insert.setLong(3, fresh.updatedAt().toEpochMilli());
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!isDuplicate(e)) {
                        throw e;
                    }
                    // the node's first outcome was recorded concurrently: its row exists now
                    connection.rollback(beforeInsert);
                    lockReputation(connection, nodeId);
                }
            }
            Optional<NodeReputation> current = reputation(connection, nodeId);
            NodeReputation changed = change.apply(current.orElseThrow());
            try (PreparedStatement update = prepare(connection, "UPDATE fog_reputation SET points = ?, successes = ?, "
                    + "failures = ?, lost = ?, updated_at = ? WHERE node_id = ?")) {
                update.setDouble(1, changed.points());
                update.setLong(2, changed.successes());
                update.setLong(3, changed.failures());
                update.setLong(4, changed.lost());
                update.setLong(5, changed.updatedAt().toEpochMilli());
                update.setString(6, nodeId);
                update.executeUpdate();
            }
            return changed;
        });
    }

    public Optional<NodeReputation> reputation(String nodeId) {
        return jdbc.inTransaction(connection -> reputation(connection, nodeId));
    }

    public List<NodeReputation> reputations(int offset, int limit) {
        return jdbc.inTransaction(connection -> {
            List<NodeReputation> all = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT node_id, points, successes, failures, lost, "
                    + "updated_at FROM fog_reputation ORDER BY node_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                query.setInt(1, offset);
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        all.add(reputationOf(rows));
                    }
                }
            }
            return all;
        });
    }

    /** Takes the row's write lock until the transaction ends; false when the node has no row yet. */
    private static boolean lockReputation(Connection connection, String nodeId) throws SQLException {
        try (PreparedStatement lock = prepare(connection, "UPDATE fog_reputation SET points = points WHERE "
                + "node_id = ?")) {
            lock.setString(1, nodeId);
            return lock.executeUpdate() == 1;
        }
    }

    private static Optional<NodeReputation> reputation(Connection connection, String nodeId) throws SQLException {
        try (PreparedStatement query = prepare(connection, "SELECT node_id, points, successes, failures, lost, "
                + "updated_at FROM fog_reputation WHERE node_id = ?")) {
            query.setString(1, nodeId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(reputationOf(rows)) : Optional.empty();
            }
        }
    }

    private static NodeReputation reputationOf(ResultSet rows) throws SQLException {
        return new NodeReputation(rows.getString(1), rows.getDouble(2), rows.getLong(3), rows.getLong(4),
                rows.getLong(5), Instant.ofEpochMilli(rows.getLong(6)));
    }
}
