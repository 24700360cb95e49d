package org.fogcompute.rest.internal;

import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.security.Caller;
import org.fogcompute.rest.internal.Bodies.FailureReport;
import org.fogcompute.rest.internal.Bodies.TaskSubmission;
import org.fogcompute.rest.internal.Route.Shape;
import org.fogcompute.rest.internal.Views.PageView;
import org.fogcompute.rest.internal.Views.TaskView;

/** /api/tasks: submission with an optional strategy, listing, and the lifecycle steps. */
final class TaskResource {
    private static final String TASK_ID = "taskId";
    private static final int MAX_REASON = 1024;
    private final Supplier<TaskService> tasks;

    TaskResource(Supplier<TaskService> tasks) {
        this.tasks = tasks;
    }

    void register(Router router) {
        router.get("/tasks", Access.VIEWER, "List tasks, filtered and paged", this::list).tag("tasks")
                .query("status", "node", "offset", "limit").returns(TaskView.class, Shape.PAGE);
        router.post("/tasks", Access.OPERATOR, "Submit a task; routed at once or queued as PENDING", this::submit)
                .tag("tasks").status(201).body(TaskSubmission.class).returns(TaskView.class).errors(409);
        router.get("/tasks/{taskId}", Access.OPERATOR_OR_ASSIGNED_NODE.withViewers(), "One task", this::get)
                .tag("tasks").returns(TaskView.class).errors(404);
        router.get("/tasks/{taskId}/assignments", Access.VIEWER, "Placement decisions of a task, oldest first",
                this::assignments).tag("tasks").returns(TaskAssignment.class, Shape.LIST).errors(404);
        router.post("/tasks/{taskId}/start", Access.OPERATOR_OR_ASSIGNED_NODE, "Report that a task started",
                call -> step(call, TaskService::start)).tag("tasks").returns(TaskView.class).errors(404, 409);
        router.post("/tasks/{taskId}/complete", Access.OPERATOR_OR_ASSIGNED_NODE, "Report that a task completed",
                call -> step(call, TaskService::complete)).tag("tasks").returns(TaskView.class).errors(404, 409);
        router.post("/tasks/{taskId}/fail", Access.OPERATOR_OR_ASSIGNED_NODE, "Report that a task failed",
                this::fail).tag("tasks").body(FailureReport.class).returns(TaskView.class).errors(404, 409);
        router.post("/tasks/{taskId}/cancel", Access.OPERATOR, "Cancel a task",
                call -> step(call, TaskService::cancel)).tag("tasks").returns(TaskView.class).errors(404, 409);
    }

    private TaskService tasks() {
        return Services.require(tasks, "the task service");
    }

    private Object list(Call call) {
        call.allowQuery(Set.of("status", "node", "offset", "limit"));
        String node = call.query("node");
        if (node != null && !org.fogcompute.api.Checks.isId(node)) {
            throw ApiException.unprocessable("node", "node must be " + org.fogcompute.api.Checks.ID_RULE);
        }
        TaskQuery query = new TaskQuery(call.queryEnum("status", TaskStatus.class), node,
                call.queryInt("offset", 0, 0, Integer.MAX_VALUE), call.queryInt("limit", 100, 1, NodeQuery.MAX_LIMIT));
        return PageView.of(tasks().list(query), TaskView::of);
    }

    private Object submit(Call call) {
        TaskSubmission submission = call.body(TaskSubmission.class);
        try {
            return TaskView.of(tasks().submit(submission.toSpec(), call.caller().name())); // the caller pays
        } catch (ValidationException e) {
            throw ApiException.unprocessable(e.field(), e.getMessage());
        }
    }

    private Object get(Call call) {
        return TaskView.of(visibleTask(call));
    }

    private Object assignments(Call call) {
        String id = call.id(TASK_ID);
        tasks().findTask(id).orElseThrow(() -> NotFoundException.task(id));
        return tasks().assignments(id);
    }

    private Object fail(Call call) {
        visibleTask(call);
        FailureReport report = call.hasBody() ? call.body(FailureReport.class) : new FailureReport(null);
        String reason = report.reason() == null ? "reported failed" : report.reason();
        if (reason.length() > MAX_REASON) {
            throw ApiException.unprocessable("reason", "reason must be at most " + MAX_REASON + " characters");
        }
        return TaskView.of(tasks().fail(call.id(TASK_ID), reason));
    }

    private Object step(Call call, java.util.function.BiFunction<TaskService, String, Task> action) {
        visibleTask(call);
        return TaskView.of(action.apply(tasks(), call.id(TASK_ID)));
    }

    /** The task, checking that a node caller asks about a task assigned to it. */
    private Task visibleTask(Call call) {
        String id = call.id(TASK_ID);
        Task task = tasks().findTask(id).orElseThrow(() -> NotFoundException.task(id));
        Caller caller = call.caller();
        if (caller.isNode() && !caller.isOperator() && !caller.nodeId().equals(task.nodeId())) {
            throw ApiException.forbidden("task " + id + " is not assigned to node " + caller.nodeId());
        }
        return task;
    }
}
