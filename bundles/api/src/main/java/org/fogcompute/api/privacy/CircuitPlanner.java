package org.fogcompute.api.privacy;

import java.util.List;
import java.util.Optional;
import org.fogcompute.api.PrivacyLevel;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Plans onion circuits over the fleet's onion-capable nodes (L3). A circuit has as many hops as its privacy level asks
 * (PRIVATE 3, CONFIDENTIAL 5, SECRET 7, configurable): a guard from the client's persistent guard set, middles
 * weighted by bandwidth × reputation, an exit with the exit role; no two hops in one region or of one operator, no
 * node that is suspect, offline, in maintenance or draining, none below the reputation floor.
 */
@ProviderType
public interface CircuitPlanner {

    /** Topic of the event posted when a circuit was rebuilt (a hop failed) or rotated; properties name it and why. */
    String CIRCUIT_REBUILT_TOPIC = "fog/onion/CIRCUIT_REBUILT";

    /** Topic of the event posted when a circuit could not be rebuilt and was closed. */
    String CIRCUIT_CLOSED_TOPIC = "fog/onion/CIRCUIT_CLOSED";

    /**
     * Plans a circuit for a client and keeps it until it expires or is closed.
     *
     * @param minReputation the floor for every hop, 0..1 (the planner's own floor applies when higher)
     * @throws NoPrivacyPathException when the fleet cannot provide one, saying which constraint failed
     */
    Circuit plan(String client, PrivacyLevel level, double minReputation);

    /** How many hops a circuit at this level has (0 for PUBLIC: no circuit). */
    int hops(PrivacyLevel level);

    Optional<Circuit> circuit(String id);

    /** The open circuit planned for a task, if it has one. */
    Optional<Circuit> circuitOfTask(String taskId);

    /** The open circuits, newest first: a client's, or every client's when {@code client} is null. */
    List<Circuit> circuits(String client, int offset, int limit);

    /** Closes a circuit; false when there was none with this id. */
    boolean close(String id);

    /**
     * Chooses {@code count} relays as a hidden service's introduction points: weighted like circuit hops, no two in one
     * region or of one operator, none of {@code avoid}; the first from the service's own guard set.
     *
     * @throws NoPrivacyPathException when the fleet cannot provide them, saying which constraint failed
     */
    java.util.List<CircuitHop> introductionPoints(String service, int count, double minReputation,
                                                  java.util.Set<String> avoid);
}
