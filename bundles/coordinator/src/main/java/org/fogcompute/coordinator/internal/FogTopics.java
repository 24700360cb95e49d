package org.fogcompute.coordinator.internal;

import org.fogcompute.api.TaskStatus;

/** EventAdmin topics on which every registry and task mutation is announced. */
final class FogTopics {
    static final String NODE_REGISTERED = "fog/node/REGISTERED";
    static final String NODE_UNREGISTERED = "fog/node/UNREGISTERED";
    static final String NODE_STATUS = "fog/node/STATUS_CHANGED";
    static final String TASK_SUBMITTED = "fog/task/SUBMITTED";
    static final String TASK_PENDING = "fog/task/PENDING";
    static final String TASK_ASSIGNED = "fog/task/ASSIGNED";
    static final String TASK_STARTED = "fog/task/STARTED";
    /** A node went OFFLINE holding the task, which was moved back to the queue (or failed past the retries). */
    static final String TASK_NODE_LOST = "fog/task/NODE_LOST";

    private FogTopics() {
    }

    static String forFinished(TaskStatus status) {
        return "fog/task/" + status.name();
    }
}
