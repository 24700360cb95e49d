package org.fogcompute.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL scripts in {@code migrations/} that a database has not seen yet, each in its own
 * transaction together with its row in {@code fog_schema_version}, so a new version upgrades an old database and a
 * failed script leaves no trace. Scripts are plain SQL with {@code ${text}} for the dialect's unbounded text type.
 *
 * <p>Hand-written rather than Liquibase or Flyway: Liquibase needs SPI-Fly and five more bundles and has failed
 * after refreshes in Karaf; Flyway 10 has no OSGi manifest. Two tables and their indexes do not need either.
 */
public final class SchemaMigrator {
    /** The scripts in order; add new ones at the end, never edit an applied one. */
    static final List<String> MIGRATIONS = List.of("V1__nodes_and_tasks", "V2__node_registration_order",
            "V3__task_assignments", "V4__scheduling", "V5__ledger", "V6__reputation", "V7__ledger_holds",
            "V8__task_min_reputation", "V9__harvest", "V10__onion", "V11__p2p", "V12__betanet",
            "V13__hidden_services", "V14__bitchat", "V15__task_placement", "V16__deployments");
    static final String VERSION_TABLE = "fog_schema_version";
    /** Every table the migrations create, in an order in which they can be dropped (tests start from nothing). */
    public static final java.util.List<String> TABLES = java.util.List.of("fog_deployment_slot", "fog_deployment", "fog_bitchat_member", "fog_bitchat_group", "fog_bitchat_message",
            "fog_vpn_intro_point", "fog_vpn_hidden_service", "fog_betanet_mixnode", "fog_betanet_consensus", "fog_p2p_endpoint", "fog_p2p_peer", "fog_onion_guard",
            "fog_onion_hop", "fog_onion_circuit", "fog_harvest_reward",
            "fog_harvest_device", "fog_ledger_hold", "fog_reputation_event",
            "fog_reputation", "fog_ledger_posting", "fog_ledger_entry", "fog_ledger_account", "fog_task", "fog_node",
            VERSION_TABLE);

    private final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private final DataSource dataSource;
    private final List<String> migrations;

    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, MIGRATIONS);
    }

    /** A migrator that knows only the given scripts: tests use it to build a database of an older version. */
    SchemaMigrator(DataSource dataSource, List<String> migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    /** Brings the schema to the latest version and returns it. */
    public int migrate() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ensureVersionTable(connection);
            int current = currentVersion(connection);
            for (int version = current + 1; version <= migrations.size(); version++) {
                apply(connection, version, migrations.get(version - 1));
            }
            return currentVersion(connection);
        }
    }

    public int currentVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return tableExists(connection, VERSION_TABLE) ? currentVersion(connection) : 0;
        }
    }

    private void apply(Connection connection, int version, String name) throws SQLException {
        String script = script(name).replace("${text}", textType(connection));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VERSION_TABLE
                    + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, name);
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            connection.commit();
            log.info("Applied schema migration {}", name);
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("schema migration " + name + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        if (!tableExists(connection, VERSION_TABLE)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + VERSION_TABLE + " (version INTEGER NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(256) NOT NULL, applied_at BIGINT NOT NULL)");
            } catch (SQLException e) {
                // another coordinator created it first
                if (!tableExists(connection, VERSION_TABLE)) {
                    throw e;
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static String textType(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("derby") || product.contains("h2") ? "CLOB" : "TEXT";
    }

    private static String script(String name) {
        String resource = "migrations/" + name + ".sql";
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + resource + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + resource, e);
        }
    }

    /** Splits a script at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        StringBuilder current = new StringBuilder();
        java.util.List<String> statements = new java.util.ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
