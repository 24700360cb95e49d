package org.fogcompute.p2p.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerEndpoint;
import org.fogcompute.api.p2p.PeerQuery;
import org.fogcompute.api.p2p.PeerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeerBookTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final PeerEndpoint TCP = new PeerEndpoint("tcp", "10.0.0.1", 4001);
    private final Map<String, Node> fleet = new HashMap<>();
    private final List<PeerRecord> kept = new ArrayList<>();
    private PeerBook book;

    @BeforeEach
    void fleet() {
        node("paris", "eu-west", 48.86, 2.35, 10);
        node("berlin", "eu-central", 52.52, 13.40, 100);
        node("lisbon", "eu-west", 38.72, -9.14, 299);
        node("silent", "eu-west", 48.0, 2.0, 301);
        book = new PeerBook(Clock.fixed(NOW, ZoneOffset.UTC), id -> Optional.ofNullable(fleet.get(id)),
                Duration.ofSeconds(300));
    }

    private void node(String id, String region, double lat, double lon, long secondsSinceHeartbeat) {
        NodeSpec spec = NodeSpec.builder(id).region(region).location(lat, lon).build();
        fleet.put(id, new Node(spec, NodeStatus.ACTIVE, NodeMetrics.IDLE, 0, 0, 0, 0, 0, NOW.minusSeconds(3600),
                NOW.minusSeconds(secondsSinceHeartbeat)));
    }

    private Peer publish(PeerRecord record) {
        return book.publish(record, kept::add);
    }

    @Test
    void aSignedRecordIsPublishedAndFoundByRegionNearestFirstWithLiveness() throws Exception {
        for (String id : List.of("paris", "berlin", "lisbon", "silent")) {
            publish(new PeerKeys().sign(id, 1, TCP));
        }

        assertThat(book.peers(new PeerQuery("eu-west", null, false, 0, 10))).extracting(p -> p.record().nodeId())
                .containsExactly("lisbon", "paris", "silent");
        List<Peer> nearLondon = book.peers(new PeerQuery(null, new org.fogcompute.api.GeoLocation(51.51, -0.13), true,
                0, 10));
        assertThat(nearLondon).extracting(p -> p.record().nodeId()).as("silent is not online: last seen 301 s ago")
                .containsExactly("paris", "berlin", "lisbon");
        assertThat(nearLondon.get(0).distanceKm()).isBetween(330.0, 350.0);
        assertThat(book.peer("silent")).get().extracting(Peer::online).isEqualTo(false);
        assertThat(book.census()).isEqualTo(new org.fogcompute.api.p2p.PeerDirectory.Census(4, 3));
        assertThat(kept).hasSize(4);
    }

    @Test
    void aRecordThatDoesNotVerifyIsRefusedAndChangesNothing() throws Exception {
        PeerKeys node = new PeerKeys();
        publish(node.sign("paris", 1, TCP));
        PeerKeys attacker = new PeerKeys();

        assertThatThrownBy(() -> publish(attacker.sign("paris", node.publicKey(), 2,
                new PeerEndpoint("tcp", "6.6.6.6", 4001)))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("does not verify");
        PeerRecord genuine = node.sign("paris", 3, TCP);
        PeerRecord altered = new PeerRecord("paris", genuine.publicKey(), List.of(new PeerEndpoint("tcp", "6.6.6.6",
                4001)), 3, genuine.signedAt(), genuine.signature());
        assertThatThrownBy(() -> publish(altered)).isInstanceOf(ValidationException.class);

        assertThat(book.peer("paris")).get().extracting(p -> p.record().sequence()).isEqualTo(1L);
        assertThat(kept).hasSize(1);
    }

    @Test
    void anOlderOrRepeatedSequenceNeverReplacesTheNewerRecord() throws Exception {
        PeerKeys node = new PeerKeys();
        PeerRecord first = node.sign("paris", 1, TCP);
        publish(node.sign("paris", 5, TCP));

        assertThatThrownBy(() -> publish(first)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not newer");
        assertThatThrownBy(() -> publish(node.sign("paris", 5, new PeerEndpoint("udp", "x", 1))))
                .isInstanceOf(ConflictException.class);
        PeerKeys rotated = new PeerKeys();
        publish(rotated.sign("paris", 6, TCP));
        assertThat(book.peer("paris")).get().extracting(p -> p.record().publicKey()).isEqualTo(rotated.publicKey());
    }

    @Test
    void aNodeTheFleetDoesNotKnowCannotPublish() throws Exception {
        assertThatThrownBy(() -> publish(new PeerKeys().sign("stranger", 1, TCP)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("registers before");
        assertThat(book.size()).isZero();
    }

    @Test
    void aRecordTheStoreRefusesIsNotPublished() throws Exception {
        PeerRecord record = new PeerKeys().sign("paris", 1, TCP);
        assertThatThrownBy(() -> book.publish(record, r -> {
            throw new IllegalStateException("database down");
        })).hasMessageContaining("database down");
        assertThat(book.peer("paris")).isEmpty();
    }

    @Test
    void aRestoreKeepsWhatWasPublishedSinceWhenNewer() throws Exception {
        PeerKeys node = new PeerKeys();
        publish(node.sign("paris", 7, TCP));
        book.restore(List.of(node.sign("paris", 4, TCP), node.sign("berlin", 2, TCP)));
        assertThat(book.peer("paris")).get().extracting(p -> p.record().sequence()).isEqualTo(7L);
        assertThat(book.peer("berlin")).isPresent();
    }

    @Test
    void aRecordWhoseNodeLeftIsNotListed() throws Exception {
        publish(new PeerKeys().sign("berlin", 1, TCP));
        fleet.remove("berlin");
        assertThat(book.peers(new PeerQuery(null, null, false, 0, 10))).isEmpty();
        assertThat(book.remove("berlin")).isNotNull();
    }

    @Test
    void malformedRecordsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new PeerRecord("paris", "short", List.of(TCP), 1, NOW, "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("publicKey");
        assertThatThrownBy(() -> new PeerEndpoint("TCP!", "h", 1)).hasMessageContaining("transport");
        assertThatThrownBy(() -> new PeerEndpoint("tcp", "h h", 1)).hasMessageContaining("host");
        assertThatThrownBy(() -> new PeerEndpoint("tcp", "h", 70000)).hasMessageContaining("port");
    }
}
