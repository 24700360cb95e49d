package org.fogcompute.api;

/** Filters and paging for task listings; null filters match everything. */
public record TaskQuery(TaskStatus status, String nodeId, int offset, int limit) {
    public static final TaskQuery ALL = new TaskQuery(null, null, 0, NodeQuery.MAX_LIMIT);

    public TaskQuery {
        Checks.range("offset", offset, 0, Integer.MAX_VALUE);
        Checks.range("limit", limit, 1, NodeQuery.MAX_LIMIT);
    }

    public boolean matches(Task task) {
        return (status == null || task.status() == status) && (nodeId == null || nodeId.equals(task.nodeId()));
    }
}
