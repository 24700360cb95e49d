package org.fogcompute.coordinator.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.fogcompute.persistence.internal.JpaFleetStore;

/** The fleet's database as the distribution opens it (HikariCP pool of 10, JPA store), for benchmarks. */
final class BenchmarkDatabase implements AutoCloseable {
    final HikariDataSource pool;
    final EntityManagerFactory factory;
    final JpaFleetStore store;

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
    static DataSource derby(String name) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(new File("target/" + name).getAbsolutePath());
        derby.setCreateDatabase("create");
        return derby;
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}
