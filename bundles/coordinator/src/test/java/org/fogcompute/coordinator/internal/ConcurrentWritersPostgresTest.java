package org.fogcompute.coordinator.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The concurrent writers on PostgreSQL at {@code FOG_TEST_JDBC_URL}; skipped, saying so, when it is not set. Drops the
 * fog tables there.
 */
@EnabledIfEnvironmentVariable(named = "FOG_TEST_JDBC_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "FOG_TEST_JDBC_URL is not set to a PostgreSQL database")
class ConcurrentWritersPostgresTest extends ConcurrentWritersContract {
    private final List<HikariDataSource> pools = new ArrayList<>();

    @Override
    protected DataSource emptyDatabase() throws SQLException {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(System.getenv("FOG_TEST_JDBC_URL"));
        try (Connection connection = postgres.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : org.fogcompute.persistence.internal.SchemaMigrator.TABLES) {
                sql.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(postgres);
        pool.setMaximumPoolSize(10);
        HikariDataSource pooled = new HikariDataSource(pool);
        pools.add(pooled);
        return pooled;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }
}
