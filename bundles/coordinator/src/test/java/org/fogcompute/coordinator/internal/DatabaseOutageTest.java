package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.io.File;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.store.StoreUnavailableException;
import org.fogcompute.persistence.internal.JpaFleetStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator on the real JPA store and a real (embedded) database whose connections can be cut: writes fail
 * at once with a clear error and change nothing; when connections come back, it continues without a restart, and
 * the database holds exactly the writes that were acknowledged.
 */
class DatabaseOutageTest {
    /** A DataSource whose connections can be refused, as when the database host goes away. */
    private static final class Switchable implements DataSource {
        private final DataSource database;
        volatile boolean down;

        Switchable(DataSource database) {
            this.database = database;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused: database host unreachable", "08001");
            }
            return database.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return database.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            database.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            database.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return database.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return database.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return database.isWrapperFor(type);
        }
    }

    private final Switchable dataSource;
    private final EntityManagerFactory factory;
    private final JpaFleetStore store;
    private final MutableClock clock = new MutableClock();

    DatabaseOutageTest() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(new File("target/derby-outage/" + UUID.randomUUID()).getAbsolutePath());
        derby.setCreateDatabase("create");
        dataSource = new Switchable(derby);
        factory = new PersistenceProvider().createEntityManagerFactory("fog",
                Map.of("javax.persistence.nonJtaDataSource", dataSource, "eclipselink.logging.level", "OFF"));
        store = new JpaFleetStore(JpaFleetStore.Transactions.resourceLocal(factory), dataSource);
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private Coordinator start() {
        Coordinator coordinator = new Coordinator(CoordinatorSettings.DEFAULTS, clock,
                new Fleet().strategies, EventSink.NONE, store);
        coordinator.restore();
        return coordinator;
    }

    @Test
    void writesFailCleanlyDuringAnOutageAndResumeWithoutARestart() {
        Coordinator coordinator = start();
        coordinator.register(node("before", 4, 4096).build());
        coordinator.submit(task("t-before", 1, 256).build());

        dataSource.down = true;
        long started = System.nanoTime();
        assertThatThrownBy(() -> coordinator.register(node("during", 4, 4096).build()))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("database unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fails fast").isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> coordinator.complete("t-before")).isInstanceOf(StoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no silent retries").isLessThan(Duration.ofSeconds(5));
        assertThat(coordinator.findNode("during")).isEmpty();
        assertThat(coordinator.findTask("t-before").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);

        dataSource.down = false;
        coordinator.register(node("after", 4, 4096).build());
        coordinator.complete("t-before");
        Coordinator restarted = start();
        assertThat(restarted.list(NodeQuery.ALL).items()).extracting(n -> n.id())
                .containsExactlyInAnyOrder("before", "after");
        assertThat(store.info().tasks()).isEqualTo(1);
        assertThat(store.info().unfinishedTasks()).isZero();
    }

    @Test
    void aCoordinatorStartingDuringAnOutageLoadsItsFleetOnceTheDatabaseReturns() {
        start().register(node("kept", 2, 2048).build());
        dataSource.down = true;
        Coordinator starting = new Coordinator(CoordinatorSettings.DEFAULTS, clock, new Fleet().strategies,
                EventSink.NONE, store);
        assertThatThrownBy(starting::restore).isInstanceOf(StoreUnavailableException.class);
        assertThat(starting.isReady()).isFalse();

        dataSource.down = false;
        starting.restore();
        assertThat(starting.findNode("kept")).isPresent();
    }
}
