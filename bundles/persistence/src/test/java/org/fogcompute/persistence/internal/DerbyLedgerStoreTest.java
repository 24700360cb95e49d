package org.fogcompute.persistence.internal;

import javax.sql.DataSource;

/** The ledger's store on embedded Derby, the distribution's default database. */
class DerbyLedgerStoreTest extends LedgerStoreContract {
    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.derby();
    }
}
