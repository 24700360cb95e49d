package org.fogcompute.api.ledger;

/** What an account is for. Only the treasury may hold a negative balance: it is where granted credits come from. */
public enum AccountKind {
    /** The source of every grant: its balance is minus the total ever granted. */
    TREASURY,
    /** The operator of one or more nodes, paid for the work they do. */
    OPERATOR,
    /** Someone who submits tasks and pays for them. */
    SUBMITTER,
    /** Credits held for a task until it completes (paid out) or fails or is cancelled (refunded). */
    ESCROW
}
