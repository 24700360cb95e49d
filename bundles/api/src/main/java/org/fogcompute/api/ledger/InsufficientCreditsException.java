package org.fogcompute.api.ledger;

import org.fogcompute.api.ValidationException;

/** A movement would take an account below zero: it was not applied. */
public class InsufficientCreditsException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public InsufficientCreditsException(String accountId, long needed) {
        super("amount", "account '" + accountId + "' has fewer than the " + Credits.format(needed)
                + " credits this needs");
    }

    /** With a message that says more: what was to be paid, and what the caller can do. */
    public InsufficientCreditsException(String message) {
        super("amount", message);
    }
}
