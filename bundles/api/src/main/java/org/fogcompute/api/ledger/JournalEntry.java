package org.fogcompute.api.ledger;

import java.time.Instant;
import java.util.List;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ValidationException;

/**
 * One movement of credits: postings (kept in account order) that sum to zero, so that credits are never created or
 * lost. {@code key} makes it
 * idempotent: an entry whose key is in the journal already is not applied again (e.g. {@code settle:<task-id>}).
 */
public record JournalEntry(String key, EntryKind kind, List<Posting> postings, String memo,
                           Instant at) {
    public static final int MAX_POSTINGS = 16;

    public JournalEntry {
        Checks.id("key", key);
        if (kind == null || at == null) {
            throw new IllegalArgumentException("a journal entry needs a kind and a time");
        }
        // in account order: an entry read back from the store equals the one posted
        postings = postings.stream().sorted(java.util.Comparator.comparing(Posting::accountId)).toList();
        if (postings.size() < 2 || postings.size() > MAX_POSTINGS) {
            throw new ValidationException("postings", "an entry moves credits between 2 to " + MAX_POSTINGS
                    + " accounts, got " + postings.size());
        }
        long sum = 0;
        java.util.Set<String> accounts = new java.util.HashSet<>();
        for (Posting posting : postings) {
            if (!accounts.add(posting.accountId())) {
                throw new ValidationException("postings", "account '" + posting.accountId() + "' appears twice in "
                        + "one entry");
            }
            sum = Math.addExact(sum, posting.amount());
        }
        if (sum != 0) {
            throw new ValidationException("postings", "the postings of an entry must sum to zero, got "
                    + Credits.format(sum));
        }
        memo = memo == null ? null : Checks.text("memo", memo, 256);
    }

    /** Whether this entry moves the same credits between the same accounts as another one (a replay). */
    public boolean sameMovementAs(JournalEntry other) {
        return kind == other.kind && postings.equals(other.postings);
    }
}
