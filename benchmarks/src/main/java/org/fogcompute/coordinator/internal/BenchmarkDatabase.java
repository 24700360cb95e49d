package org.fogcompute.coordinator.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.postgresql.ds.PGSimpleDataSource;
import org.fogcompute.persistence.internal.JpaFleetStore;

/** The fleet's database as the distribution opens it (HikariCP pool of 10, JPA store), for benchmarks. */
public final class BenchmarkDatabase implements AutoCloseable {
    final HikariDataSource pool;
    final EntityManagerFactory factory;
    final JpaFleetStore store;

    /** The database opened as the distribution opens it, its schema migrated. */
    public static BenchmarkDatabase open(DataSource dataSource) {
        BenchmarkDatabase database = new BenchmarkDatabase(dataSource);
        database.store.ensureSchema();
        return database;
    }

    /** The pool, for the stores that write with JDBC. */
    public DataSource pool() {
        return pool;
    }

    BenchmarkDatabase(DataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(10);
        pool = new HikariDataSource(config); // as in the distribution (pax-jdbc-pool-hikaricp)
        factory = new PersistenceProvider().createEntityManagerFactory("fog",
                Map.of("javax.persistence.nonJtaDataSource", pool, "eclipselink.logging.level", "SEVERE"));
        store = new JpaFleetStore(JpaFleetStore.Transactions.resourceLocal(factory), pool);
    }

    /** Embedded Derby in a new directory, the distribution's default database. */
    public static DataSource derby(String name) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(new File("target/" + name).getAbsolutePath());
        derby.setCreateDatabase("create");
        return derby;
    }

    /**
     * PostgreSQL from {@code FOG_BENCH_JDBC_URL} (default the local {@code test} database) with every fog table dropped,
     * so that the schema is migrated afresh.
     */
    public static DataSource emptyPostgres() throws SQLException {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(System.getenv().getOrDefault("FOG_BENCH_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&reWriteBatchedInserts=true"));
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : org.fogcompute.persistence.internal.SchemaMigrator.TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        return postgres;
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}
