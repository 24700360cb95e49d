package org.fogcompute.api.ledger;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Credits: accounts and a double-entry journal. Credits are moved, never created, except by an admin's grant out of
 * the treasury, journaled as such. Every operation carries a key and is idempotent by it: repeating one (a retried
 * request, a replay after a crash) returns the entry already made and moves nothing again.
 *
 * <p>A task's credits: {@link #escrow} holds them at submission; exactly one of {@link #settle} (completed: the node's
 * operator is paid, the rest refunded) and {@link #refund} (failed or cancelled) releases them, whichever comes first.
 */
@ProviderType
public interface Ledger {
    /**
     * Opens an account, or returns it when it is open already with that kind.
     *
     * @throws org.fogcompute.api.ConflictException when it is open with another kind
     */
    Account open(String id, AccountKind kind);

    Optional<Account> account(String id);

    List<Account> accounts(int offset, int limit);

    /** Gives {@code micros} to an account out of the treasury. */
    JournalEntry grant(String key, String accountId, long micros, String memo);

    /** @throws InsufficientCreditsException when {@code from} has less than {@code micros} */
    JournalEntry transfer(String key, String from, String to, long micros, String memo);

    /**
     * Holds a submitter's credits for a task until it is settled or refunded.
     *
     * @throws InsufficientCreditsException when the submitter has less than {@code micros}
     */
    JournalEntry escrow(String taskId, String submitter, long micros);

    /**
     * Pays {@code micros} of what is held for the task to the operator (at most what is held) and the rest back to
     * the submitter.
     *
     * @throws org.fogcompute.api.NotFoundException when nothing is held for the task
     * @throws org.fogcompute.api.ConflictException when the task's credits were refunded already
     */
    JournalEntry settle(String taskId, String operator, long micros);

    /**
     * Gives what is held for the task back to the submitter.
     *
     * @throws org.fogcompute.api.NotFoundException when nothing is held for the task
     * @throws org.fogcompute.api.ConflictException when the task was settled already
     */
    JournalEntry refund(String taskId);

    /** The entries that touch the account, newest first. */
    List<JournalEntry> journal(String accountId, int offset, int limit);

    /** The entry posted under a key, if any. */
    Optional<JournalEntry> entry(String key);

    /** Escrow entries of tasks whose credits are still held, oldest first. */
    List<JournalEntry> holds(int offset, int limit);

    /** The key of the entry that holds a task's credits. */
    static String escrowKey(String taskId) {
        return "escrow:" + taskId;
    }

    /** The key of the entry that releases them (a settlement or a refund, whichever came first). */
    static String releaseKey(String taskId) {
        return "release:" + taskId;
    }

    /** The task an escrow or release key belongs to, or null for another key. */
    static String taskOf(String key) {
        if (key.startsWith("escrow:")) {
            return key.substring("escrow:".length());
        }
        return key.startsWith("release:") ? key.substring("release:".length()) : null;
    }

    /** Every credit ever granted, in micro-credits. */
    long totalGranted();

    /** Whether every balance together is zero, as double entry requires (the health check). */
    boolean balanced();
}
