package org.fogcompute.persistence.internal;

import javax.sql.DataSource;

/** The peer directory's store on embedded Derby, the distribution's default database. */
class DerbyPeerStoreTest extends PeerStoreContract {
    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.derby();
    }
}
