package org.fogcompute.api.ledger;

import java.util.Optional;
import org.fogcompute.api.TaskSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What tasks cost and who pays for them. Before a task is admitted, the most it may cost is held out of its
 * submitter's account ({@link Ledger#escrow}); when it completes, its node's operator is paid for the cpu-core-seconds
 * (and GPU-seconds) it ran at the node's price and the rest goes back; a failed or cancelled task is refunded. Each step
 * happens once per task, whoever repeats it.
 */
@ProviderType
public interface TaskBilling {
    /**
     * Holds the most the task may cost out of the submitter's account.
     *
     * @param submitter the account that pays: the authenticated user; null for the runtime's own tasks, which run unpaid
     * @return the escrow entry, or empty when the task runs unpaid
     * @throws InsufficientCreditsException when the submitter cannot pay and tasks that cannot pay are refused
     */
    Optional<JournalEntry> hold(TaskSpec task, String submitter);

    /** Gives a hold back because its task was not admitted; nothing happens when nothing is held. */
    void release(String taskId);
}
