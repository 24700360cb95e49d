package org.fogcompute.api.balancing;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-node circuit breakers shared by the load balancer and task routing: a node with an open circuit takes no
 * requests and is not chosen for tasks until a trial succeeds.
 */
@ProviderType
public interface CircuitBreakers {
    /** Whether the node may be given work now (closed, or half-open with a trial permit left). */
    boolean admits(String nodeId);

    /**
     * Takes permission for one call or task on the node: always when its circuit is closed, one of the trial permits
     * when it is half-open (so that no more trials go to a recovering node than the policy allows), never when open.
     */
    default boolean tryAcquire(String nodeId) {
        return admits(nodeId);
    }

    void recordSuccess(String nodeId);

    void recordFailure(String nodeId);

    Optional<CircuitState> state(String nodeId);

    List<CircuitState> states();

    /** Closes the circuit and forgets the failures. @throws org.fogcompute.api.NotFoundException if unknown */
    void reset(String nodeId);
}
