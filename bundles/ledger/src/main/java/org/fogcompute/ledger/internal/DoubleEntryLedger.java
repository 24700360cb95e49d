package org.fogcompute.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.EntryKind;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.LedgerStore;
import org.fogcompute.api.ledger.Posting;

/**
 * The ledger's rules over its store: who may pay whom, how a task's escrow is released, and what makes a replay
 * harmless. All state is in the store, one transaction per movement, so a crash between a commit and its answer
 * loses nothing and a retried call (same key) moves nothing twice.
 *
 * <p>A task's credits are held in the one escrow account under the key {@code escrow:<task>}; they are released once,
 * under the key {@code release:<task>}, by a settlement or a refund, whichever comes first: the other then conflicts.
 */
public class DoubleEntryLedger implements Ledger {
    /** The account that holds every task's escrowed credits. */
    public static final String ESCROW_ID = "escrow";
    static final int MAX_PAGE = 1000;

    private final LedgerStore store;
    private final Clock clock;
    private volatile boolean systemAccountsOpen;

    public DoubleEntryLedger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens the treasury and the escrow account unless they exist (once; again after a failure). */
    public void openSystemAccounts() {
        if (!systemAccountsOpen) {
            store.open(Account.TREASURY_ID, AccountKind.TREASURY);
            store.open(ESCROW_ID, AccountKind.ESCROW);
            systemAccountsOpen = true;
        }
    }

    @Override
    public Account open(String id, AccountKind kind) {
        Checks.id("id", id);
        if (kind == null || kind == AccountKind.TREASURY || kind == AccountKind.ESCROW) {
            throw new ValidationException("kind", "kind must be OPERATOR or SUBMITTER, got " + kind
                    + " (the treasury and the escrow account are the ledger's own)");
        }
        Account account = store.open(id, kind);
        if (account.kind() != kind) {
            throw new ConflictException("account '" + id + "' is open already as " + account.kind());
        }
        return account;
    }

    @Override
    public Optional<Account> account(String id) {
        return id == null ? Optional.empty() : store.account(id);
    }

    @Override
    public List<Account> accounts(int offset, int limit) {
        return store.accounts(page("offset", offset, Integer.MAX_VALUE), page("limit", limit, MAX_PAGE));
    }

    @Override
    public JournalEntry grant(String key, String accountId, long micros, String memo) {
        requireKind(accountId, AccountKind.OPERATOR, AccountKind.SUBMITTER);
        return post(key, EntryKind.GRANT, memo, new Posting(Account.TREASURY_ID, -amount(micros)),
                new Posting(accountId, micros));
    }

    @Override
    public JournalEntry transfer(String key, String from, String to, long micros, String memo) {
        requireKind(from, AccountKind.OPERATOR, AccountKind.SUBMITTER);
        requireKind(to, AccountKind.OPERATOR, AccountKind.SUBMITTER);
        if (from.equals(to)) {
            throw new ValidationException("to", "a transfer needs two different accounts");
        }
        return post(key, EntryKind.TRANSFER, memo, new Posting(from, -amount(micros)), new Posting(to, micros));
    }

    @Override
    public JournalEntry escrow(String taskId, String submitter, long micros) {
        Checks.id("taskId", taskId);
        requireKind(submitter, AccountKind.SUBMITTER, AccountKind.OPERATOR);
        return post(escrowKey(taskId), EntryKind.ESCROW, "held for task " + taskId,
                new Posting(submitter, -amount(micros)), new Posting(ESCROW_ID, micros));
    }

    @Override
    public JournalEntry settle(String taskId, String operator, long micros) {
        if (micros < 0) {
            throw new ValidationException("amount", "a payment cannot be negative, got " + Credits.format(micros));
        }
        requireKind(operator, AccountKind.OPERATOR, AccountKind.SUBMITTER); // one person's wallet may be both
        Held held = held(taskId);
        long pay = Math.min(micros, held.amount());
        List<Posting> postings = new ArrayList<>(3);
        postings.add(new Posting(ESCROW_ID, -held.amount()));
        if (pay > 0) {
            postings.add(new Posting(operator, pay));
        }
        if (held.amount() - pay > 0) {
            postings.add(new Posting(held.submitter(), held.amount() - pay));
        }
        if (operator.equals(held.submitter())) {
            // paying oneself: one posting back to the same account
            postings.removeIf(p -> p.accountId().equals(operator));
            postings.add(new Posting(operator, held.amount()));
        }
        return post(releaseKey(taskId), EntryKind.SETTLE, "task " + taskId + " completed: "
                + Credits.format(pay) + " paid to " + operator, postings.toArray(Posting[]::new));
    }

    @Override
    public JournalEntry refund(String taskId) {
        Held held = held(taskId);
        return post(releaseKey(taskId), EntryKind.REFUND, "task " + taskId + " did not complete: refunded",
                new Posting(ESCROW_ID, -held.amount()), new Posting(held.submitter(), held.amount()));
    }

    @Override
    public List<JournalEntry> journal(String accountId, int offset, int limit) {
        if (account(accountId).isEmpty()) {
            throw new NotFoundException("account '" + accountId + "' is not open");
        }
        return store.journal(accountId, page("offset", offset, Integer.MAX_VALUE), page("limit", limit, MAX_PAGE));
    }

    @Override
    public long totalGranted() {
        return -store.account(Account.TREASURY_ID).map(Account::balance).orElse(0L);
    }

    @Override
    public boolean balanced() {
        return store.sumOfBalances() == 0;
    }

    @Override
    public Optional<JournalEntry> entry(String key) {
        return key == null || key.isEmpty() || key.length() > 256 ? Optional.empty() : store.entry(key);
    }

    @Override
    public List<JournalEntry> holds(int offset, int limit) {
        return store.holds(page("offset", offset, Integer.MAX_VALUE), page("limit", limit, MAX_PAGE));
    }

    static String escrowKey(String taskId) {
        return Ledger.escrowKey(taskId);
    }

    static String releaseKey(String taskId) {
        return Ledger.releaseKey(taskId);
    }

    /** What is held for a task, and for whom. */
    private record Held(String submitter, long amount) {
    }

    private Held held(String taskId) {
        Checks.id("taskId", taskId);
        JournalEntry escrow = store.entry(escrowKey(taskId)).orElseThrow(() ->
                new NotFoundException("nothing is held for task '" + taskId + "'"));
        for (Posting posting : escrow.postings()) {
            if (!posting.accountId().equals(ESCROW_ID)) {
                return new Held(posting.accountId(), -posting.amount());
            }
        }
        throw new IllegalStateException("escrow entry of task " + taskId + " has no submitter posting");
    }

    /**
     * Posts the movement under its key. A key used before answers with the entry made then, if it is the same
     * movement (a retry); if it is another one, the key is taken: 409.
     */
    private JournalEntry post(String key, EntryKind kind, String memo, Posting... postings) {
        JournalEntry entry = new JournalEntry(key, kind, List.of(postings), memo, clock.instant());
        openSystemAccounts();
        JournalEntry stored = store.post(entry);
        if (!stored.sameMovementAs(entry)) {
            throw new ConflictException(key.startsWith("release:")
                    ? "task '" + key.substring("release:".length()) + "' was " + (stored.kind() == EntryKind.REFUND
                    ? "refunded" : "settled") + " already"
                    : "key '" + key + "' was used already for another movement (" + stored.kind() + ")");
        }
        return stored;
    }

    private Account requireKind(String accountId, AccountKind... kinds) {
        Checks.id("account", accountId);
        openSystemAccounts(); // so that naming the treasury or the escrow says what they are, not "not open"
        Account account = store.account(accountId).orElseThrow(() ->
                new NotFoundException("account '" + accountId + "' is not open"));
        for (AccountKind kind : kinds) {
            if (account.kind() == kind) {
                return account;
            }
        }
        throw new ValidationException("account", "account '" + accountId + "' is " + account.kind()
                + "; this needs " + java.util.Arrays.toString(kinds));
    }

    private static long amount(long micros) {
        if (micros <= 0 || micros > Credits.MAX_AMOUNT) {
            throw new ValidationException("amount", "an amount must be positive and at most "
                    + Credits.format(Credits.MAX_AMOUNT) + " credits, got " + Credits.format(micros));
        }
        return micros;
    }

    private static int page(String field, int value, int max) {
        if (value < 0 || value > max || (field.equals("limit") && value == 0)) {
            throw new ValidationException(field, field + " must be within " + (field.equals("limit") ? 1 : 0)
                    + ".." + max + ", got " + value);
        }
        return value;
    }
}
