package org.fogcompute.api.ledger;

import org.fogcompute.api.Checks;

/** One line of a journal entry: an amount in micro-credits added to (positive) or taken from an account. */
public record Posting(String accountId, long amount) {
    public Posting {
        Checks.id("accountId", accountId);
        if (amount == 0 || amount < -Credits.MAX_AMOUNT || amount > Credits.MAX_AMOUNT) {
            throw new org.fogcompute.api.ValidationException("amount", "an amount must be non-zero and at most "
                    + Credits.format(Credits.MAX_AMOUNT) + " credits, got " + Credits.format(amount));
        }
    }
}
