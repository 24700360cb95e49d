package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.isDuplicate;
import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.fogcompute.api.edge.HarvestStore;

/**
 * Harvest state in the fleet's database (migration V9), in plain JDBC like the ledger: a device's row is replaced by
 * a delete and an insert in one transaction (portable across Derby and PostgreSQL, and rare: a device's state changes
 * when a session starts or ends, a cooldown begins or a throttle flips), and an owed reward is claimed by its key.
 */
final class JdbcHarvestStore implements HarvestStore {
    private final JdbcWork jdbc;

    JdbcHarvestStore(DataSource dataSource, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
    }

    @Override
    public void save(DeviceState state) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM fog_harvest_device WHERE node_id = ?")) {
                delete.setString(1, state.nodeId());
                delete.executeUpdate();
            }
            if (!state.isIdle()) {
                try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_harvest_device (node_id, "
                        + "session_start, cooling_until, throttled) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, state.nodeId());
                    setInstant(insert, 2, state.sessionStart());
                    setInstant(insert, 3, state.coolingUntil());
                    insert.setShort(4, (short) (state.throttled() ? 1 : 0));
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<DeviceState> devices() {
        return jdbc.inTransaction(connection -> {
            List<DeviceState> devices = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT node_id, session_start, cooling_until, "
                    + "throttled FROM fog_harvest_device ORDER BY node_id"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    devices.add(new DeviceState(rows.getString(1), instant(rows, 2), instant(rows, 3),
                            rows.getShort(4) != 0));
                }
            }
            return devices;
        });
    }

    @Override
    public void owe(OwedReward reward) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_harvest_reward (reward_key, node_id, "
                    + "operator_account, micros, memo, at_millis) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, reward.key());
                insert.setString(2, reward.nodeId());
                insert.setString(3, reward.operator());
                insert.setLong(4, reward.micros());
                insert.setString(5, reward.memo().length() > 512 ? reward.memo().substring(0, 512) : reward.memo());
                insert.setLong(6, reward.at().toEpochMilli());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
                connection.rollback(); // owed already: the first record stands
            }
            return null;
        });
    }

    @Override
    public List<OwedReward> owed(int limit) {
        return jdbc.inTransaction(connection -> {
            List<OwedReward> owed = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT reward_key, node_id, operator_account, micros, "
                    + "memo, at_millis FROM fog_harvest_reward ORDER BY at_millis, reward_key "
                    + "OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                query.setInt(1, Math.max(1, limit));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        owed.add(new OwedReward(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getLong(4), rows.getString(5), Instant.ofEpochMilli(rows.getLong(6))));
                    }
                }
            }
            return owed;
        });
    }

    @Override
    public void settled(String key) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM fog_harvest_reward WHERE reward_key = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rows, int index) throws SQLException {
        long millis = rows.getLong(index);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
