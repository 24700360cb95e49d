package org.fogcompute.persistence.internal;

import java.sql.SQLException;
import javax.sql.DataSource;

/** The store on embedded Derby, the distribution's default database. */
class DerbyFleetStoreTest extends FleetStoreContract {

    @Override
    protected DataSource emptyDatabase() throws SQLException {
        return TestDatabases.derby();
    }
}
