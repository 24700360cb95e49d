package org.fogcompute.persistence.internal;

import javax.sql.DataSource;

/** The harvest store on embedded Derby, the distribution's default database. */
class DerbyHarvestStoreTest extends HarvestStoreContract {
    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.derby();
    }
}
