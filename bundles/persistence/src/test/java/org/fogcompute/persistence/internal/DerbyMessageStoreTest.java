package org.fogcompute.persistence.internal;

import javax.sql.DataSource;

/** The message relay's store on embedded Derby, the distribution's default database. */
class DerbyMessageStoreTest extends MessageStoreContract {
    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.derby();
    }
}
