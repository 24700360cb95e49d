package org.fogcompute.persistence.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store on PostgreSQL at {@code FOG_TEST_JDBC_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 * skipped, saying so, when the variable is not set. Drops and recreates the fog tables in that database.
 */
@EnabledIfEnvironmentVariable(named = "FOG_TEST_JDBC_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "FOG_TEST_JDBC_URL is not set to a PostgreSQL database")
class PostgresFleetStoreTest extends FleetStoreContract {

    @Override
    protected DataSource emptyDatabase() throws SQLException {
        return TestDatabases.postgres();
    }
}
