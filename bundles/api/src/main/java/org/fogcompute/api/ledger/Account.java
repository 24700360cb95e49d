package org.fogcompute.api.ledger;

import java.time.Instant;
import org.fogcompute.api.Checks;

/** An account and its balance in micro-credits. */
public record Account(String id, AccountKind kind, long balance, Instant openedAt) {
    public static final String TREASURY_ID = "treasury";

    public Account {
        Checks.id("id", id);
        if (kind == null || openedAt == null) {
            throw new IllegalArgumentException("an account needs a kind and the time it was opened");
        }
    }
}
