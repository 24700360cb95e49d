package org.fogcompute.api.ledger;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Durable home of the ledger. Each call is one transaction: an entry and its balance changes are stored together or
 * not at all, so the journal and the balances always agree.
 */
@ConsumerType
public interface LedgerStore {

    /** Opens the account unless one of that id exists; returns the account as stored. */
    Account open(String id, AccountKind kind);

    /**
     * Applies the entry: its postings to the balances and the entry to the journal, atomically. An entry whose key is
     * stored already is not applied again; the stored one is returned (the caller checks it is the same movement).
     *
     * @throws InsufficientCreditsException when a posting would take an account other than the treasury below zero;
     *                                      nothing is applied
     * @throws org.fogcompute.api.NotFoundException when a posting names an account that is not open
     */
    JournalEntry post(JournalEntry entry);

    Optional<Account> account(String id);

    /** Accounts in id order, from {@code offset}, at most {@code limit}. */
    List<Account> accounts(int offset, int limit);

    /** The entries that touch the account, newest first. */
    List<JournalEntry> journal(String accountId, int offset, int limit);

    Optional<JournalEntry> entry(String key);

    /**
     * Escrow entries whose credits are still held, oldest first: an {@link EntryKind#ESCROW} entry keyed
     * {@link Ledger#escrowKey} is held until an entry keyed {@link Ledger#releaseKey} for the same task is posted.
     * Kept so that finding them costs what is held, not every task ever escrowed.
     */
    List<JournalEntry> holds(int offset, int limit);

    /** The sum of every balance: zero in a consistent ledger (the treasury holds minus what was granted). */
    long sumOfBalances();

    /**
     * Changes a node's reputation once per key, atomically: the stored reputation (or {@code fresh} when the node has
     * none) is given to {@code change} under a row lock and its result stored. A key recorded before changes nothing.
     *
     * @return the reputation as stored after the call
     */
    NodeReputation changeReputation(String key, String nodeId, NodeReputation fresh,
                                    java.util.function.UnaryOperator<NodeReputation> change);

    java.util.Optional<NodeReputation> reputation(String nodeId);

    List<NodeReputation> reputations(int offset, int limit);
}
