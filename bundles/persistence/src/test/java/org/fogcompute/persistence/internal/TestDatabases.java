package org.fogcompute.persistence.internal;

import java.io.File;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Empty databases for the store tests: a new embedded Derby, or PostgreSQL at FOG_TEST_JDBC_URL with its fog tables dropped. */
final class TestDatabases {
    private TestDatabases() {
    }

    static DataSource derby() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(new File("target/derby/" + UUID.randomUUID()).getAbsolutePath());
        derby.setCreateDatabase("create");
        return derby;
    }

    static DataSource postgres() throws SQLException {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(System.getenv("FOG_TEST_JDBC_URL"));
        FleetStoreContract.dropFogTables(postgres);
        return postgres;
    }
}
