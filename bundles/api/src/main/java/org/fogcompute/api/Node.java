package org.fogcompute.api;

import java.time.Instant;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;

/**
 * An immutable snapshot of a registered node: what it declared, what it reported last and what the coordinator
 * has reserved on it.
 *
 * @param status       the effective status (declared, or BUSY/SUSPECT/OFFLINE as derived by the coordinator)
 * @param reservedCpu  cpu cores held by the node's ASSIGNED and RUNNING tasks
 * @param allocation   what may be used of it now (device profiles, harvest eligibility); the declared capacity when
 *                     nothing restricts it
 * @param deviceClass  what kind of device it is, from its capacity and power source; null without device profiles
 */
public record Node(NodeSpec spec, NodeStatus status, NodeMetrics metrics, int reservedCpu, long reservedMemoryMb,
                   int activeTasks, long completedTasks, long failedTasks, Instant registeredAt,
                   Instant lastHeartbeat, Allocation allocation, DeviceClass deviceClass) {

    /** A node that may be used to its declared capacity. */
    public Node(NodeSpec spec, NodeStatus status, NodeMetrics metrics, int reservedCpu, long reservedMemoryMb,
                int activeTasks, long completedTasks, long failedTasks, Instant registeredAt, Instant lastHeartbeat) {
        this(spec, status, metrics, reservedCpu, reservedMemoryMb, activeTasks, completedTasks, failedTasks,
                registeredAt, lastHeartbeat, null, null);
    }

    public Node {
        allocation = allocation == null
                ? Allocation.full(spec.capacity().cpuCores(), spec.capacity().memoryMb()) : allocation;
    }

    public String id() {
        return spec.id();
    }

    public NodeType type() {
        return spec.type();
    }

    public Capacity capacity() {
        return spec.capacity();
    }

    public String region() {
        return spec.region();
    }

    /** Cpu cores that may still be reserved: the allocation less what is reserved (negative when over it). */
    public int freeCpu() {
        return Math.min(allocation.cpuCores(), spec.capacity().cpuCores()) - reservedCpu;
    }

    public long freeMemoryMb() {
        return Math.min(allocation.memoryMb(), spec.capacity().memoryMb()) - reservedMemoryMb;
    }

    public boolean hasGpu() {
        return spec.capacity().gpuCount() > 0;
    }

    /**
     * Load for routing: the reported cpu use, but never less than the share of cpu reserved by the coordinator, since
     * a report lags behind the tasks just placed on the node.
     */
    public double loadPercent() {
        return Math.max(metrics.cpuPercent(), 100.0 * reservedCpu / spec.capacity().cpuCores());
    }

    /** Fraction of cpu and memory reserved, the larger of the two, in 0..1. */
    public double reservedFraction() {
        return Math.max((double) reservedCpu / spec.capacity().cpuCores(),
                (double) reservedMemoryMb / spec.capacity().memoryMb());
    }

    /** Whether the node takes new work in its current status (ACTIVE or IDLE). */
    public boolean acceptsWork() {
        return status == NodeStatus.ACTIVE || status == NodeStatus.IDLE;
    }

    /**
     * Whether the node may carry onion circuits now: onion-capable, up (ACTIVE, IDLE or BUSY: relaying is not
     * computing) and not draining.
     */
    public boolean canRelay() {
        return spec.onionCapable() && (status == NodeStatus.ACTIVE || status == NodeStatus.IDLE
                || status == NodeStatus.BUSY) && !allocation.drain();
    }

    /**
     * The hard constraints of placement (SPEC §2): accepting status, free cpu and memory, storage, GPU, onion routing
     * for circuits and CONFIDENTIAL data, and the task's own placement (regions, labels, nodes to avoid).
     */
    public boolean canHost(TaskSpec task) {
        TaskRequirements r = task.requirements();
        return acceptsWork()
                && freeCpu() >= r.cpuCores()
                && freeMemoryMb() >= r.memoryMb()
                && spec.capacity().storageMb() >= r.storageMb()
                && (!r.gpu() || hasGpu())
                && (!task.needsOnionRouting() || spec.onionCapable())
                && spec.reputation() >= r.minReputation()
                && (task.placement() == null || task.placement().admits(this));
    }
}
