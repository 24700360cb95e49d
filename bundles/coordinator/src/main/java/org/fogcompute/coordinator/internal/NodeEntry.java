package org.fogcompute.coordinator.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;

/**
 * Mutable state of one node, guarded by the coordinator's lock. Every change ends with {@link #refresh()}, which
 * publishes a new immutable {@link Node} for readers and the routing hot path.
 */
final class NodeEntry {
    final long sequence;
    /** What the node declared; its reputation replaced by the earned one when the reputation service feeds it. */
    NodeSpec spec;
    final Instant registeredAt;
    final PhiAccrualDetector detector;
    final Set<String> taskIds = new LinkedHashSet<>();
    NodeStatus declaredStatus;
    Liveness liveness = Liveness.ALIVE;
    NodeMetrics metrics = NodeMetrics.IDLE;
    int reservedCpu;
    long reservedMemoryMb;
    long completedTasks;
    long failedTasks;
    Instant lastHeartbeat;
    /** Since when failure detection counts silence: the last heartbeat, or the restart that restored the node. */
    Instant silentSince;
    /** What may be used of the node now (device profile, harvest eligibility); null for its declared capacity. */
    Allocation allocation;
    /** Its class by the device profiles, from what it declared and reported last; null without them. */
    DeviceClass deviceClass;
    /** Since when its allocation says its tasks must leave (it left harvest eligibility); null while they may stay. */
    Instant drainingSince;
    private Node snapshot;

    /** The snapshot this entry is filed under in the sorted indexes; only {@link FleetIndex} changes it. */
    Node indexed;

    NodeEntry(long sequence, NodeSpec spec, Instant now, long expectedHeartbeatMillis) {
        this.sequence = sequence;
        this.spec = spec;
        this.declaredStatus = spec.status();
        this.registeredAt = now;
        this.lastHeartbeat = now;
        this.silentSince = now;
        this.detector = new PhiAccrualDetector(expectedHeartbeatMillis);
        refresh();
    }

    /** Takes the node's earned reputation (kept by the reputation service, not in this entry's stored view). */
    void earnReputation(double score) {
        spec = spec.withReputation(score);
        refresh();
    }

    /** What the store keeps of a node beyond its spec: a commit skips nodes whose stored view did not change. */
    record StoredView(NodeStatus declaredStatus, NodeStatus status, NodeMetrics metrics, long completedTasks,
                      long failedTasks, Instant lastHeartbeat) {
    }

    /** The view last committed, null for a node never committed. */
    StoredView lastStored;

    StoredView storedView() {
        return new StoredView(declaredStatus, snapshot.status(), metrics, completedTasks, failedTasks, lastHeartbeat);
    }

    /**
     * The fields a mutation may change, so that a mutation the store refused can be undone. The task ids are journaled
     * as single additions and removals instead: a node may hold very many tasks.
     */
    record Saved(NodeStatus declaredStatus, Liveness liveness, NodeMetrics metrics, int reservedCpu,
                 long reservedMemoryMb, long completedTasks, long failedTasks, Instant lastHeartbeat,
                 Instant silentSince, Allocation allocation, DeviceClass deviceClass, Instant drainingSince) {
    }

    Saved save() {
        return new Saved(declaredStatus, liveness, metrics, reservedCpu, reservedMemoryMb, completedTasks,
                failedTasks, lastHeartbeat, silentSince, allocation, deviceClass, drainingSince);
    }

    void restore(Saved saved) {
        declaredStatus = saved.declaredStatus();
        liveness = saved.liveness();
        metrics = saved.metrics();
        reservedCpu = saved.reservedCpu();
        reservedMemoryMb = saved.reservedMemoryMb();
        completedTasks = saved.completedTasks();
        failedTasks = saved.failedTasks();
        lastHeartbeat = saved.lastHeartbeat();
        silentSince = saved.silentSince();
        allocation = saved.allocation();
        deviceClass = saved.deviceClass();
        drainingSince = saved.drainingSince();
        refresh();
    }

    Node snapshot() {
        return snapshot;
    }

    /**
     * What the node shows. A declared MAINTENANCE wins over what failure detection concludes: the operator took the
     * node out of service, and a node in maintenance is expected to go quiet (failure detection still re-routes its
     * tasks when it goes OFFLINE).
     */
    NodeStatus effectiveStatus() {
        if (declaredStatus == NodeStatus.MAINTENANCE) {
            return NodeStatus.MAINTENANCE;
        }
        if (liveness == Liveness.OFFLINE) {
            return NodeStatus.OFFLINE;
        }
        if (liveness == Liveness.SUSPECT) {
            return NodeStatus.SUSPECT;
        }
        if (reservedCpu >= spec.capacity().cpuCores() || reservedMemoryMb >= spec.capacity().memoryMb()) {
            return NodeStatus.BUSY;
        }
        return declaredStatus;
    }

    Node refresh() {
        snapshot = new Node(spec, effectiveStatus(), metrics, reservedCpu, reservedMemoryMb, taskIds.size(),
                completedTasks, failedTasks, registeredAt, lastHeartbeat, allocation, deviceClass);
        return snapshot;
    }
}
