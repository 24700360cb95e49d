package org.fogcompute.ledger.internal;

import java.io.File;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.fogcompute.persistence.internal.JdbcLedgerStore;
import org.fogcompute.persistence.internal.SchemaMigrator;

/** The ledger's real store over a new embedded Derby database, migrated, for the tests. */
public final class EmbeddedStore {
    private EmbeddedStore() {
    }

    public static JdbcLedgerStore open(Clock clock) throws SQLException {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(new File("target/derby/" + UUID.randomUUID()).getAbsolutePath());
        derby.setCreateDatabase("create");
        new SchemaMigrator(derby).migrate();
        return new JdbcLedgerStore(derby, clock, () -> { });
    }
}
