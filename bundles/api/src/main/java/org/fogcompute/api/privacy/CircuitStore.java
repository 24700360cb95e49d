package org.fogcompute.api.privacy;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the onion service keeps what must outlive a restart: the open circuits (with the node a task's circuit leads
 * to, which a rebuild must still avoid) and each client's guard set. Provided by the persistence service, in the
 * fleet's database.
 */
@ProviderType
public interface CircuitStore {

    /** A circuit as stored: the node it leads to when it is a task's circuit, else null. */
    record StoredCircuit(Circuit circuit, String destination) {
    }

    /** Stores a circuit, replacing the one stored under its id. */
    void save(StoredCircuit circuit);

    /** Forgets a circuit; nothing happens when none is stored under the id. */
    void delete(String circuitId);

    /** Every stored circuit. */
    List<StoredCircuit> circuits();

    /** Stores a client's guard set, in order, replacing the stored one; an empty set removes it. */
    void saveGuards(String client, List<String> guards);

    /** Every client's guard set, in order. */
    Map<String, List<String>> guards();
}
