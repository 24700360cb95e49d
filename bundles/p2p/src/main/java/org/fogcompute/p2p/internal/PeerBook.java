package org.fogcompute.p2p.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerDirectory;
import org.fogcompute.api.p2p.PeerQuery;
import org.fogcompute.api.p2p.PeerRecord;

/**
 * The directory's records and rules, without OSGi: a record is accepted when its node is registered, its signature
 * verifies against its own key and its sequence is newer than the published one; a lookup joins each record with its
 * node as the fleet sees it now (region, location, last heartbeat).
 */
final class PeerBook {
    /** Accepts a verified record (stores it); throws when it cannot be kept, and then nothing changed. */
    interface Keeper {
        void keep(PeerRecord record);
    }

    private final Clock clock;
    private final Function<String, Optional<Node>> fleet;
    private final Map<String, PeerRecord> records = new ConcurrentHashMap<>();
    private volatile Duration liveness;

    PeerBook(Clock clock, Function<String, Optional<Node>> fleet, Duration liveness) {
        this.clock = clock;
        this.fleet = fleet;
        this.liveness = liveness;
    }

    void liveness(Duration liveness) {
        this.liveness = liveness;
    }

    /** Verifies, checks against the published record and keeps it, one publication per node at a time. */
    Peer publish(PeerRecord record, Keeper keeper) {
        Node node = fleet.apply(record.nodeId()).orElseThrow(() -> new NotFoundException("no node '"
                + record.nodeId() + "': a node registers before it publishes its peer record"));
        if (!org.fogcompute.api.Signatures.ed25519Verifies(record.publicKeyBytes(), record.signedBytes(), record.signatureBytes())) {
            throw new ValidationException("signature", "the signature does not verify against the record's "
                    + "publicKey: sign the record's canonical bytes (see PeerRecord.signedBytes) with that key");
        }
        synchronized (lockOf(record.nodeId())) {
            PeerRecord published = records.get(record.nodeId());
            if (published != null && record.sequence() <= published.sequence()) {
                throw new ConflictException("sequence " + record.sequence() + " is not newer than the published "
                        + "record's " + published.sequence() + ": a newer record is never replaced by an older one");
            }
            keeper.keep(record);
            records.put(record.nodeId(), record);
        }
        return view(record, node, null);
    }

    Optional<PeerRecord> record(String nodeId) {
        return Optional.ofNullable(records.get(nodeId));
    }

    Optional<Peer> peer(String nodeId) {
        PeerRecord record = records.get(nodeId);
        if (record == null) {
            return Optional.empty();
        }
        return fleet.apply(nodeId).map(node -> view(record, node, null));
    }

    List<Peer> peers(PeerQuery query) {
        List<Peer> matches = new ArrayList<>();
        for (PeerRecord record : records.values()) {
            Node node = fleet.apply(record.nodeId()).orElse(null);
            if (node == null || (query.region() != null && !query.region().equals(node.region()))) {
                continue;
            }
            Double distance = null;
            if (query.near() != null) {
                if (node.spec().location() == null) {
                    continue;
                }
                distance = query.near().distanceKm(node.spec().location());
            }
            Peer peer = view(record, node, distance);
            if (!query.onlineOnly() || peer.online()) {
                matches.add(peer);
            }
        }
        Comparator<Peer> byId = Comparator.comparing(p -> p.record().nodeId());
        matches.sort(query.near() == null ? byId
                : Comparator.comparingDouble((Peer p) -> p.distanceKm()).thenComparing(byId));
        int from = (int) Math.min(matches.size(), (long) query.offset());
        return List.copyOf(matches.subList(from, (int) Math.min(matches.size(), (long) from + query.limit())));
    }

    /** Forgets a node's record (it left the fleet, or it was withdrawn). */
    PeerRecord remove(String nodeId) {
        return records.remove(nodeId);
    }

    /** Puts back what was stored before a start; a record published since (newer) stays. */
    void restore(Collection<PeerRecord> stored) {
        for (PeerRecord record : stored) {
            records.merge(record.nodeId(), record, (mine, old) -> mine.sequence() >= old.sequence() ? mine : old);
        }
    }

    PeerDirectory.Census census() {
        int online = 0;
        for (PeerRecord record : records.values()) {
            Optional<Node> node = fleet.apply(record.nodeId());
            if (node.isPresent() && online(node.get())) {
                online++;
            }
        }
        return new PeerDirectory.Census(records.size(), online);
    }

    int size() {
        return records.size();
    }

    private Peer view(PeerRecord record, Node node, Double distance) {
        return new Peer(record, node.region(), node.spec().location(), online(node), lastSeen(node), distance);
    }

    /** Online: seen within the liveness window, and not declared offline by the coordinator. */
    private boolean online(Node node) {
        Instant seen = lastSeen(node);
        return node.status() != NodeStatus.OFFLINE && seen != null
                && !seen.isBefore(clock.instant().minus(liveness));
    }

    private static Instant lastSeen(Node node) {
        return node.lastHeartbeat() != null ? node.lastHeartbeat() : node.registeredAt();
    }

    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private static Object lockOf(String nodeId) {
        return LOCKS[Math.floorMod(nodeId.hashCode(), LOCKS.length)];
    }
}
