package org.fogcompute.api.p2p;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The peer directory (L3). Who may publish a node's record is decided by the caller's credential (the node itself);
 * the directory checks the rest: the node is registered, the signature verifies against the record's key, the
 * sequence is newer than the published one. A node that leaves the fleet takes its record with it.
 */
@ProviderType
public interface PeerDirectory {

    /** Topic of the event posted when a node published a record (property {@code node.id}). */
    String PEER_PUBLISHED_TOPIC = "fog/p2p/PEER_PUBLISHED";

    /**
     * Verifies and stores a record (before it returns: a published record survives a crash right after).
     *
     * @throws org.fogcompute.api.ValidationException a signature that does not verify
     * @throws org.fogcompute.api.NotFoundException   a node the fleet does not know
     * @throws org.fogcompute.api.ConflictException   a sequence not newer than the published record's
     */
    Peer publish(PeerRecord record);

    Optional<Peer> peer(String nodeId);

    List<Peer> peers(PeerQuery query);

    /** Removes a node's record; false when it had none. */
    boolean withdraw(String nodeId);

    /** How many records are published, and how many of their nodes are online. */
    record Census(int published, int online) {
    }

    Census census();
}
