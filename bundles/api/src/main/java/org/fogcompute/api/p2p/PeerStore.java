package org.fogcompute.api.p2p;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Where the peer directory keeps its records across restarts; provided by the persistence service. */
@ProviderType
public interface PeerStore {

    /** Stores a node's record, replacing the one stored for it. */
    void save(PeerRecord record);

    /** Forgets a node's record; nothing happens when none is stored. */
    void forget(String nodeId);

    List<PeerRecord> records();
}
