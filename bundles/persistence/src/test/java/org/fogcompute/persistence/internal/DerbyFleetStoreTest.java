package org.fogcompute.persistence.internal;

import java.io.File;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** The store on embedded Derby, the distribution's default database. */
class DerbyFleetStoreTest extends FleetStoreContract {

    @Override
    protected DataSource emptyDatabase() throws SQLException {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(new File("target/derby/" + UUID.randomUUID()).getAbsolutePath());
        derby.setCreateDatabase("create");
        return derby;
    }
}
