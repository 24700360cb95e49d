package org.fogcompute.persistence.internal;

import javax.sql.DataSource;

/** The onion planner's store on embedded Derby, the distribution's default database. */
class DerbyCircuitStoreTest extends CircuitStoreContract {
    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.derby();
    }
}
