package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mixnode directory's store on a real database; subclasses say which one. */
abstract class ConsensusStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private DataSource dataSource;
    private JdbcConsensusStore store;

    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        dataSource = emptyDatabase();
        new SchemaMigrator(dataSource).migrate();
        store = new JdbcConsensusStore(dataSource, () -> { });
    }

    private static Consensus consensus(long epoch, String... nodes) {
        List<Mixnode> mixnodes = new java.util.ArrayList<>();
        for (String node : nodes) {
            mixnodes.add(new Mixnode(node, "tcp://" + node + ":1789", "k-" + node, "1.2.0", "region-" + node,
                    epoch * 100, 0.75, 0.987654, 0.618));
        }
        return new Consensus(epoch, T0.plusSeconds(600 * epoch), T0.plusSeconds(600 * (epoch + 1)), mixnodes,
                "signing-key", "signature-" + epoch);
    }

    @Test
    void theLatestEpochIsReadBackAsSignedAndOnlyTheOneBeforeItIsKept() throws SQLException {
        assertThat(store.latestConsensus()).isEmpty();
        store.saveConsensus(consensus(1, "m1", "m2"));
        store.saveConsensus(consensus(2, "m3", "m1", "m2"));
        store.saveConsensus(consensus(3));
        store.saveConsensus(consensus(4, "m2", "m1"));

        assertThat(new JdbcConsensusStore(dataSource, () -> { }).latestConsensus()).contains(consensus(4, "m2", "m1"));
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM fog_betanet_consensus")) {
            rows.next();
            assertThat(rows.getInt(1)).as("epochs 3 and 4").isEqualTo(2);
        }
    }
}
