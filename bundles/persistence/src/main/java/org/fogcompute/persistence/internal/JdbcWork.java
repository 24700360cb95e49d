package org.fogcompute.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain-JDBC transactions over the fleet's database, for the stores that do not go through JPA (ledger, harvest):
 * the schema is migrated first, every statement is bounded in time, and the database's errors are reported as the
 * fleet store reports them (unavailable, refused, conflict).
 */
final class JdbcWork {
    /** Bounds every statement, so that a hung database answers 503 within seconds instead of holding callers. */
    static final int QUERY_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;
    private final Runnable ensureSchema;

    JdbcWork(DataSource dataSource, Runnable ensureSchema) {
        this.dataSource = dataSource;
        this.ensureSchema = ensureSchema;
    }

    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    /** One transaction, committed when the work returns and rolled back when it throws. */
    <R> R inTransaction(Work<R> work) {
        ensureSchema.run();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                R result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw JpaFleetStore.classify(new IllegalStateException(e.getMessage(), e));
        }
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    /** Whether the statement broke a unique constraint (SQLState 23505, in PostgreSQL and Derby alike). */
    static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
