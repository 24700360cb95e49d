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
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.HiddenService;
import org.fogcompute.api.privacy.HiddenServiceStore;
import org.fogcompute.api.privacy.HopRole;

/**
 * Hidden services in the fleet's database (migration V13), in plain JDBC: a service is replaced by a delete and an
 * insert of it and its introduction points in one transaction.
 */
final class JdbcHiddenServiceStore implements HiddenServiceStore {
    private final JdbcWork jdbc;

    JdbcHiddenServiceStore(DataSource dataSource, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
    }

    @Override
    public void saveHiddenService(HiddenService service) {
        jdbc.inTransaction(connection -> {
            delete(connection, service.id());
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_vpn_hidden_service (id, owner_name, "
                    + "public_key, onion_address, registered_at, generation) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, service.id());
                insert.setString(2, service.owner());
                insert.setString(3, service.publicKey());
                insert.setString(4, service.onionAddress());
                insert.setLong(5, service.registeredAt().toEpochMilli());
                insert.setInt(6, service.generation());
                insert.executeUpdate();
            }
            if (!service.introductionPoints().isEmpty()) {
                try (PreparedStatement point = prepare(connection, "INSERT INTO fog_vpn_intro_point (service_id, "
                        + "position, node_id, role, region, operator_account) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < service.introductionPoints().size(); i++) {
                        CircuitHop hop = service.introductionPoints().get(i);
                        point.setString(1, service.id());
                        point.setInt(2, i);
                        point.setString(3, hop.nodeId());
                        point.setString(4, hop.role().name());
                        point.setString(5, hop.region());
                        point.setString(6, hop.operator());
                        point.addBatch();
                    }
                    point.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public void removeHiddenService(String id) {
        jdbc.inTransaction(connection -> {
            delete(connection, id);
            return null;
        });
    }

    private static void delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement points = prepare(connection, "DELETE FROM fog_vpn_intro_point WHERE service_id = ?");
             PreparedStatement service = prepare(connection, "DELETE FROM fog_vpn_hidden_service WHERE id = ?")) {
            points.setString(1, id);
            points.executeUpdate();
            service.setString(1, id);
            service.executeUpdate();
        }
    }

    @Override
    public List<HiddenService> hiddenServices() {
        return jdbc.inTransaction(connection -> {
            Map<String, List<CircuitHop>> points = new HashMap<>();
            try (PreparedStatement query = prepare(connection, "SELECT service_id, node_id, role, region, "
                    + "operator_account FROM fog_vpn_intro_point ORDER BY service_id, position");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    points.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new CircuitHop(
                            rows.getString(2), HopRole.valueOf(rows.getString(3)), rows.getString(4),
                            rows.getString(5)));
                }
            }
            List<HiddenService> services = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT id, owner_name, public_key, onion_address, "
                    + "registered_at, generation FROM fog_vpn_hidden_service ORDER BY registered_at, id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    services.add(new HiddenService(id, rows.getString(2), rows.getString(3), rows.getString(4),
                            points.getOrDefault(id, List.of()), Instant.ofEpochMilli(rows.getLong(5)),
                            rows.getInt(6)));
                }
            }
            return services;
        });
    }
}
