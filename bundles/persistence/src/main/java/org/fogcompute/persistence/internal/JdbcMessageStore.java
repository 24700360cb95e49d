package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MessageStore;
import org.fogcompute.api.bitchat.Receipt;
import org.fogcompute.api.bitchat.RelayedMessage;

/** The message relay's messages and groups in the fleet's database (migration V14), in plain JDBC. */
public final class JdbcMessageStore implements MessageStore {
    private final JdbcWork jdbc;

    public JdbcMessageStore(DataSource dataSource, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
    }

    @Override
    public void saveMessages(List<RelayedMessage> messages) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_bitchat_message (id, sender, "
                    + "recipient, group_id, payload, sent_at, expires_at, relay_node, status) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING')")) {
                for (RelayedMessage m : messages) {
                    insert.setString(1, m.id());
                    insert.setString(2, m.sender());
                    insert.setString(3, m.recipient());
                    insert.setString(4, m.groupId());
                    insert.setString(5, m.payload());
                    insert.setLong(6, m.sentAt().toEpochMilli());
                    insert.setLong(7, m.expiresAt().toEpochMilli());
                    insert.setString(8, m.relayNode());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean markDelivered(String messageId, Instant at) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement update = prepare(connection, "UPDATE fog_bitchat_message SET status = 'DELIVERED', "
                    + "payload = NULL, settled_at = ? WHERE id = ? AND status = 'WAITING'")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, messageId);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void markExpired(List<String> messageIds, Instant at) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement update = prepare(connection, "UPDATE fog_bitchat_message SET status = 'EXPIRED', "
                    + "payload = NULL, settled_at = ? WHERE id = ? AND status = 'WAITING'")) {
                for (String id : messageIds) {
                    update.setLong(1, at.toEpochMilli());
                    update.setString(2, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void purgeSettled(Instant before) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM fog_bitchat_message WHERE status <> "
                    + "'WAITING' AND settled_at < ?")) {
                delete.setLong(1, before.toEpochMilli());
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<StoredMessage> messages() {
        return jdbc.inTransaction(connection -> {
            List<StoredMessage> messages = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT id, sender, recipient, group_id, payload, "
                    + "sent_at, expires_at, relay_node, status, settled_at FROM fog_bitchat_message ORDER BY sent_at, id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long settled = rows.getLong(10);
                    Instant settledAt = rows.wasNull() ? null : Instant.ofEpochMilli(settled);
                    messages.add(new StoredMessage(new RelayedMessage(rows.getString(1), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5),
                            Instant.ofEpochMilli(rows.getLong(6)), Instant.ofEpochMilli(rows.getLong(7)),
                            rows.getString(8)), Receipt.Status.valueOf(rows.getString(9)), settledAt));
                }
            }
            return messages;
        });
    }

    @Override
    public void saveGroup(Group group) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement members = prepare(connection, "DELETE FROM fog_bitchat_member WHERE group_id = ?");
                 PreparedStatement groups = prepare(connection, "DELETE FROM fog_bitchat_group WHERE id = ?")) {
                members.setString(1, group.id());
                members.executeUpdate();
                groups.setString(1, group.id());
                groups.executeUpdate();
            }
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_bitchat_group (id, owner_id) "
                    + "VALUES (?, ?)")) {
                insert.setString(1, group.id());
                insert.setString(2, group.owner());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_bitchat_member (group_id, position, "
                    + "node_id) VALUES (?, ?, ?)")) {
                for (int i = 0; i < group.members().size(); i++) {
                    insert.setString(1, group.id());
                    insert.setInt(2, i);
                    insert.setString(3, group.members().get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Group> groups() {
        return jdbc.inTransaction(connection -> {
            Map<String, List<String>> members = new HashMap<>();
            try (PreparedStatement query = prepare(connection, "SELECT group_id, node_id FROM fog_bitchat_member "
                    + "ORDER BY group_id, position"); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.computeIfAbsent(rows.getString(1), g -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            List<Group> groups = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT id, owner_id FROM fog_bitchat_group ORDER BY id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.add(new Group(rows.getString(1), rows.getString(2), members.getOrDefault(rows.getString(1),
                            List.of())));
                }
            }
            return groups;
        });
    }
}
