package org.fogcompute.persistence.internal;

import javax.sql.DataSource;

/** The mixnode directory's store on embedded Derby, the distribution's default database. */
class DerbyConsensusStoreTest extends ConsensusStoreContract {
    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.derby();
    }
}
