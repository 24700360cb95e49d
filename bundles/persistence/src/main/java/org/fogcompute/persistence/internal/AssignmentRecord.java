package org.fogcompute.persistence.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.fogcompute.api.TaskAssignment;

/** A row of {@code fog_task_assignment}: one placement of a task on a node. */
@Entity
@Table(name = "fog_task_assignment")
public class AssignmentRecord {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "task_id")
    String taskId;
    @Column(name = "node_id")
    String nodeId;
    @Column(name = "strategy")
    String strategy;
    @Column(name = "attempt")
    int attempt;
    @Column(name = "assigned_at")
    long assignedAt;

    protected AssignmentRecord() {
    }

    static AssignmentRecord of(TaskAssignment assignment) {
        AssignmentRecord r = new AssignmentRecord();
        r.id = assignment.taskId() + "#" + assignment.attempt();
        r.taskId = assignment.taskId();
        r.nodeId = assignment.nodeId();
        r.strategy = assignment.strategy();
        r.attempt = assignment.attempt();
        r.assignedAt = assignment.assignedAt().toEpochMilli();
        return r;
    }

    TaskAssignment toAssignment() {
        return new TaskAssignment(taskId, nodeId, strategy, attempt, Instant.ofEpochMilli(assignedAt));
    }
}
