package org.fogcompute.api.ledger;

/** Why credits moved. */
public enum EntryKind {
    /** An admin gave credits to an account, out of the treasury: the only way credits come into circulation. */
    GRANT,
    /** Credits moved from one account to another. */
    TRANSFER,
    /** A submitter's credits held for a task. */
    ESCROW,
    /** A finished task's escrow paid to its node's operator, the rest back to the submitter. */
    SETTLE,
    /** A failed or cancelled task's escrow back to its submitter. */
    REFUND
}
