package org.fogcompute.persistence.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The deployments' store on PostgreSQL at {@code FOG_TEST_JDBC_URL}; skipped, saying so, when it is not set. */
@EnabledIfEnvironmentVariable(named = "FOG_TEST_JDBC_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "FOG_TEST_JDBC_URL is not set to a PostgreSQL database")
class PostgresDeploymentStoreTest extends DeploymentStoreContract {
    @Override
    protected DataSource emptyDatabase() throws SQLException {
        return TestDatabases.postgres();
    }
}
