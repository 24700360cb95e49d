package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.fogcompute.api.p2p.PeerEndpoint;
import org.fogcompute.api.p2p.PeerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The peer directory's store on a real database; subclasses say which one. */
abstract class PeerStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private DataSource dataSource;
    private JdbcPeerStore store;

    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        dataSource = emptyDatabase();
        new SchemaMigrator(dataSource).migrate();
        store = new JdbcPeerStore(dataSource, () -> { });
    }

    private static PeerRecord record(String nodeId, long sequence, PeerEndpoint... endpoints) {
        byte[] key = new byte[32];
        key[0] = (byte) sequence;
        return new PeerRecord(nodeId, Base64.getUrlEncoder().withoutPadding().encodeToString(key), List.of(endpoints),
                sequence, T0.plusSeconds(sequence), Base64.getUrlEncoder().withoutPadding().encodeToString(
                        new byte[64]));
    }

    @Test
    void aRecordIsStoredWithItsEndpointsInOrderReplacedAndDeleted() {
        store.save(record("n-1", 1, new PeerEndpoint("tcp", "10.0.0.1", 4001)));
        store.save(record("n-2", 3, new PeerEndpoint("quic", "n2.example", 443), new PeerEndpoint("ble", "n2", 0)));
        store.save(record("n-1", 2, new PeerEndpoint("wss", "[2001:db8::1]", 8443),
                new PeerEndpoint("tcp", "10.0.0.1", 4001)));

        assertThat(new JdbcPeerStore(dataSource, () -> { }).records()).containsExactly(
                record("n-1", 2, new PeerEndpoint("wss", "[2001:db8::1]", 8443),
                        new PeerEndpoint("tcp", "10.0.0.1", 4001)),
                record("n-2", 3, new PeerEndpoint("quic", "n2.example", 443), new PeerEndpoint("ble", "n2", 0)));

        store.forget("n-1");
        store.forget("n-1");
        assertThat(store.records()).extracting(PeerRecord::nodeId).containsExactly("n-2");
    }
}
