package org.fogcompute.persistence.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;

/** A row of {@code fog_task}: a task and its current assignment. */
@Entity
@Table(name = "fog_task")
public class TaskRecord {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "owner_id")
    String ownerId;
    @Column(name = "job_id")
    String jobId;
    @Column(name = "node_id")
    String nodeId;
    @Column(name = "status")
    String status;
    @Column(name = "task_type")
    String type;
    @Column(name = "priority")
    int priority;
    @Column(name = "cpu_cores")
    int cpuCores;
    @Column(name = "memory_mb")
    long memoryMb;
    @Column(name = "storage_mb")
    long storageMb;
    @Column(name = "gpu")
    boolean gpu;
    @Column(name = "min_reputation")
    double minReputation;
    @Column(name = "privacy")
    String privacy;
    @Column(name = "require_onion")
    boolean requireOnion;
    @Column(name = "preferred_region")
    String preferredRegion;
    @Column(name = "preferred_latitude")
    Double preferredLatitude;
    @Column(name = "preferred_longitude")
    Double preferredLongitude;
    @Column(name = "deadline")
    Long deadline;
    @Column(name = "payload")
    String payload;
    @Column(name = "strategy")
    String strategy;
    @Column(name = "routed_by")
    String routedBy;
    @Column(name = "retry_count")
    int retryCount;
    @Column(name = "message")
    String message;
    @Column(name = "submitted_at")
    long submittedAt;
    @Column(name = "assigned_at")
    Long assignedAt;
    @Column(name = "started_at")
    Long startedAt;
    @Column(name = "finished_at")
    Long finishedAt;
    /** The placement history, see {@link Assignments}. */
    @Column(name = "assignments")
    String assignments;
    @Column(name = "preferred_resource")
    String preferredResource;
    @Column(name = "price_limit")
    Double priceLimit;
    @Column(name = "scheduling_strategy")
    String schedulingStrategy;
    /** See {@link PlacementText}. */
    @Column(name = "placement")
    String placement;

    protected TaskRecord() {
    }

    static TaskRecord of(String ownerId, Task task) {
        TaskRecord r = new TaskRecord();
        TaskSpec s = task.spec();
        r.id = s.id();
        r.ownerId = ownerId;
        r.jobId = s.jobId();
        r.type = s.type();
        r.priority = s.priority();
        r.cpuCores = s.requirements().cpuCores();
        r.memoryMb = s.requirements().memoryMb();
        r.storageMb = s.requirements().storageMb();
        r.gpu = s.requirements().gpu();
        r.minReputation = s.requirements().minReputation();
        r.privacy = s.privacy().name();
        r.requireOnion = s.requireOnionCircuit();
        r.preferredRegion = s.preferredRegion();
        r.preferredLatitude = s.preferredLocation() == null ? null : s.preferredLocation().latitude();
        r.preferredLongitude = s.preferredLocation() == null ? null : s.preferredLocation().longitude();
        r.deadline = millis(s.deadline());
        r.payload = s.payload();
        r.strategy = s.strategy();
        r.preferredResource = s.preferredResource() == null ? null : s.preferredResource().name();
        r.priceLimit = s.priceLimit();
        r.schedulingStrategy = s.schedulingStrategy();
        r.placement = PlacementText.format(s.placement());
        r.submittedAt = task.submittedAt().toEpochMilli();
        r.update(task);
        return r;
    }

    /** Copies what changes over a task's life: status, assignment, retries, message, timestamps. */
    void update(Task task) {
        nodeId = task.nodeId();
        status = task.status().name();
        routedBy = task.routedBy();
        retryCount = task.retryCount();
        message = task.message();
        assignedAt = millis(task.assignedAt());
        startedAt = millis(task.startedAt());
        finishedAt = millis(task.finishedAt());
    }

    Task toTask() {
        TaskSpec spec = new TaskSpec(id, type, priority, new TaskRequirements(cpuCores, memoryMb, storageMb, gpu,
                minReputation),
                PrivacyLevel.valueOf(privacy), requireOnion, preferredRegion,
                preferredLatitude == null || preferredLongitude == null ? null
                        : new GeoLocation(preferredLatitude, preferredLongitude),
                instant(deadline), payload, strategy, jobId,
                preferredResource == null ? null : ResourcePreference.valueOf(preferredResource), priceLimit,
                schedulingStrategy, PlacementText.parse(placement));
        return new Task(spec, TaskStatus.valueOf(status), nodeId, routedBy, retryCount, message,
                Instant.ofEpochMilli(submittedAt), instant(assignedAt), instant(startedAt), instant(finishedAt));
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
