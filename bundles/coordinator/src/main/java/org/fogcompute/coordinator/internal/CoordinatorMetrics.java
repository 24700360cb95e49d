package org.fogcompute.coordinator.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.fogcompute.api.CommitStatistics;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.TopologySnapshot;
import org.fogcompute.api.metrics.Histogram;
import org.fogcompute.api.metrics.MetricsSink;
import org.fogcompute.api.scheduling.QueueStats;
import org.fogcompute.api.scheduling.WaitReason;

/**
 * What the coordinator counts for {@code /metrics}: routing decisions and their latency per strategy (the hot path:
 * two clock reads, a binary search and an adder), tasks finished by outcome; and, read on a scrape, the fleet by status
 * and type, capacity, the queue, the database's commits. Labels are strategy names, statuses and reasons: bounded.
 */
final class CoordinatorMetrics {
    /** The strategy label of a decision that found no node. */
    static final String NO_STRATEGY = "none";

    private record Routing(Histogram latency, LongAdder placed, LongAdder unplaced) {
        Routing() {
            this(new Histogram(Histogram.LATENCY_SECONDS), new LongAdder(), new LongAdder());
        }
    }

    private final Map<String, Routing> routing = new ConcurrentHashMap<>();
    private final Map<TaskStatus, LongAdder> finished = new ConcurrentHashMap<>();

    void decided(Placer.Decision decision, long nanos) {
        String strategy = decision.strategy() != null ? decision.strategy() : NO_STRATEGY;
        Routing counters = routing.computeIfAbsent(strategy, s -> new Routing());
        counters.latency().observeNanos(nanos);
        (decision.node() != null ? counters.placed() : counters.unplaced()).increment();
    }

    void finished(TaskStatus status) {
        finished.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void collect(MetricsSink sink, TopologySnapshot fleet, QueueStats queue, CommitStatistics commits,
                 Histogram.Snapshot commitSeconds, Histogram.Snapshot changesPerCommit) {
        for (NodeStatus status : NodeStatus.values()) {
            sink.gauge("fog_nodes", "Registered nodes by status", fleet.nodesByStatus().getOrDefault(status, 0),
                    "status", status.name());
        }
        for (NodeType type : NodeType.values()) {
            sink.gauge("fog_nodes_by_type", "Registered nodes by type", fleet.nodesByType().getOrDefault(type, 0),
                    "type", type.name());
        }
        sink.gauge("fog_cpu_cores", "Cpu cores of the fleet", fleet.totalCpu(), "state", "total");
        sink.gauge("fog_cpu_cores", "Cpu cores of the fleet", fleet.freeCpu(), "state", "free");
        sink.gauge("fog_memory_bytes", "Memory of the fleet", fleet.totalMemoryMb() * 1_048_576.0, "state", "total");
        sink.gauge("fog_memory_bytes", "Memory of the fleet", fleet.freeMemoryMb() * 1_048_576.0, "state", "free");
        sink.gauge("fog_tasks", "Unfinished tasks by status", fleet.pendingTasks(), "status", "PENDING");
        sink.gauge("fog_tasks", "Unfinished tasks by status", fleet.assignedTasks(), "status", "ASSIGNED");
        sink.gauge("fog_tasks", "Unfinished tasks by status", fleet.runningTasks(), "status", "RUNNING");
        for (TaskStatus status : new TaskStatus[] {TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED}) {
            LongAdder count = finished.get(status);
            sink.counter("fog_tasks_finished_total", "Tasks finished since the start, by outcome",
                    count == null ? 0 : count.sum(), "outcome", status.name());
        }
        routing.forEach((strategy, counters) -> {
            sink.counter("fog_routing_decisions_total", "Placement decisions by strategy and whether a node was found",
                    counters.placed().sum(), "strategy", strategy, "result", "placed");
            sink.counter("fog_routing_decisions_total", "Placement decisions by strategy and whether a node was found",
                    counters.unplaced().sum(), "strategy", strategy, "result", "unplaced");
            sink.histogram("fog_routing_decision_seconds", "How long a placement decision took, by strategy",
                    counters.latency().snapshot(), "strategy", strategy);
        });
        sink.gauge("fog_queue_tasks", "Tasks waiting for a node", queue.active(), "state", "active");
        sink.gauge("fog_queue_tasks", "Tasks waiting for a node", queue.backoff(), "state", "backoff");
        for (WaitReason reason : WaitReason.values()) {
            sink.gauge("fog_queue_parked_tasks", "Tasks parked until the fleet changes, by reason",
                    queue.parked().getOrDefault(reason, 0), "reason", reason.name());
        }
        sink.counter("fog_queue_deadline_exceeded_total", "Tasks whose placement deadline passed in the queue",
                queue.deadlineExceeded());
        sink.counter("fog_db_commits_total", "Coordinator transactions by outcome", commits.committed(),
                "outcome", "committed");
        sink.counter("fog_db_commits_total", "Coordinator transactions by outcome", commits.refused(),
                "outcome", "refused");
        sink.counter("fog_db_commits_total", "Coordinator transactions by outcome", commits.unavailable(),
                "outcome", "unavailable");
        sink.counter("fog_db_commits_retried_alone_total", "Changes of a refused transaction committed apart",
                commits.retriedAlone());
        sink.histogram("fog_db_commit_seconds", "How long the database took for a committed group commit",
                commitSeconds);
        sink.histogram("fog_db_commit_changes", "Changes carried by a committed group commit", changesPerCommit);
    }
}
