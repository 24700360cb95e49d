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

    /** Submits a task of the runtime's own (no submitter: it runs unpaid). */
    default Task submit(TaskSpec spec) {
        return submit(spec, null);
    }

    /**
     * Submits a task on behalf of {@code submitter}, whose ledger account pays for it when billing is installed.
     *
     * @throws ValidationException when the spec names an unknown strategy, or the submitter cannot pay
     *                             ({@link org.fogcompute.api.ledger.InsufficientCreditsException}); ConflictException for
     *                             a duplicate id
     */
    Task submit(TaskSpec spec, String submitter);

    Task start(String taskId);

    Task complete(String taskId);

    Task fail(String taskId, String reason);

    Task cancel(String taskId);

    Optional<Task> findTask(String taskId);

    Page<Task> list(TaskQuery query);

    /** The placement decisions made for a task, oldest first. */
    List<TaskAssignment> assignments(String taskId);
}
