package org.fogcompute.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Task lifecycle: submit (routes at once, or queues as PENDING with a reason), start, complete, fail, cancel.
 * Illegal steps throw {@link ConflictException} and change nothing.
 */
@ProviderType
public interface TaskService {

    /** @throws ValidationException when the spec names an unknown strategy; ConflictException for a duplicate id */
    Task submit(TaskSpec spec);

    Task start(String taskId);

    Task complete(String taskId);

    Task fail(String taskId, String reason);

    Task cancel(String taskId);

    Optional<Task> findTask(String taskId);

    Page<Task> list(TaskQuery query);

    /** The placement decisions made for a task, oldest first. */
    List<TaskAssignment> assignments(String taskId);
}
