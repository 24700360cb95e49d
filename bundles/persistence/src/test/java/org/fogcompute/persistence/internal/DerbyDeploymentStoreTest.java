package org.fogcompute.persistence.internal;

import javax.sql.DataSource;

/** The deployments' store on embedded Derby, the distribution's default database. */
class DerbyDeploymentStoreTest extends DeploymentStoreContract {
    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.derby();
    }
}
