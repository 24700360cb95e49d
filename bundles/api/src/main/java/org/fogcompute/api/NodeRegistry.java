package org.fogcompute.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The registered nodes. Every mutation answers only after it took effect, or throws and changes nothing. */
@ProviderType
public interface NodeRegistry {

    /** @throws ConflictException when the id is taken */
    Node register(NodeSpec spec);

    /** Registers all or none: a duplicate id within the batch or in the registry rejects the whole batch. */
    List<Node> registerAll(List<NodeSpec> specs);

    /** Removes the node and re-routes its tasks. @throws NotFoundException for an unknown id */
    Node unregister(String nodeId);

    /** Sets a declared status (ACTIVE, IDLE, MAINTENANCE), as an operator does. */
    Node updateStatus(String nodeId, NodeStatus status);

    /**
     * Sets a declared status as the node itself declares it: a node may go into MAINTENANCE but not out of it, so
     * that a node cannot undo an operator's decision to take it out of service (its next status report came back as
     * ACTIVE and it got tasks again). Checked and set in one step.
     * @throws ConflictException when the node is in MAINTENANCE and the status is another
     */
    Node declareOwnStatus(String nodeId, NodeStatus status);

    /** Records a heartbeat with the node's current load; a SUSPECT or OFFLINE node becomes its declared status again. */
    Node heartbeat(String nodeId, NodeMetrics metrics);

    Optional<Node> findNode(String nodeId);

    Page<Node> list(NodeQuery query);

    int size();
}
