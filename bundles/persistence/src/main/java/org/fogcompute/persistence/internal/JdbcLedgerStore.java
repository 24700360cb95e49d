package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.isDuplicate;
import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.EntryKind;
import org.fogcompute.api.ledger.InsufficientCreditsException;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.LedgerStore;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.Posting;

/**
 * The ledger in the fleet's database, in plain JDBC: a posting is a conditional update ({@code balance + amount >= 0}
 * unless the account is the treasury), so two concurrent movements can never overdraw an account, and the database's
 * row locks serialise them without a read-modify-write in Java. The entry's key is claimed first (a unique index):
 * a concurrent replay waits for the first and then finds its entry. Accounts are updated in id order, so two entries
 * touching the same accounts cannot deadlock. Entries are written in groups, one transaction per group (see
 * {@link #post}).
 */
public class JdbcLedgerStore implements LedgerStore {
    static final int QUERY_TIMEOUT_SECONDS = JdbcWork.QUERY_TIMEOUT_SECONDS;

    private final JdbcWork jdbc;
    private final Clock clock;
    /** Node reputation lives in the same database and store interface, in SQL of its own. */
    private final JdbcReputationStore reputation;
    /** Entries waiting for the next group commit; {@link #commitLock} is held by the caller writing a group. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> queued =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.locks.ReentrantLock commitLock = new java.util.concurrent.locks.ReentrantLock();

    /** @param ensureSchema migrates the database (the ledger's tables are migration V5) unless done already */
    public JdbcLedgerStore(DataSource dataSource, Clock clock, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
        this.clock = clock;
        this.reputation = new JdbcReputationStore(jdbc, clock);
    }

    @Override
    public Account open(String id, AccountKind kind) {
        return jdbc.inTransaction(connection -> {
            Optional<Account> existing = account(connection, id);
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_ledger_account (id, kind, balance, "
                    + "opened_at) VALUES (?, ?, 0, ?)")) {
                insert.setString(1, id);
                insert.setString(2, kind.name());
                insert.setLong(3, clock.millis());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (isDuplicate(e)) {
                    connection.rollback(); // opened by a concurrent caller: theirs stands
                    return account(connection, id).orElseThrow(() -> e);
                }
                throw e;
            }
            return account(connection, id).orElseThrow();
        });
    }

    /**
     * Posts through a group commit: the caller that takes the commit lock writes every entry queued so far in one
     * transaction, each behind its own savepoint, so that one refused entry (too few credits, an account not open) is
     * rolled back alone and its caller alone gets the error; the others share one commit (one log flush). A
     * transaction that fails as a whole is tried again entry by entry, so that no caller fails for another's.
     */
    @Override
    public JournalEntry post(JournalEntry entry) {
        Pending mine = new Pending(entry);
        queued.add(mine);
        commitLock.lock();
        try {
            if (!mine.done) {
                List<Pending> group = new ArrayList<>();
                for (Pending next = queued.poll(); next != null; next = queued.poll()) {
                    group.add(next);
                }
                commitGroup(group);
            }
        } finally {
            commitLock.unlock();
        }
        return mine.outcome();
    }

    /** An entry waiting for a group commit, and what became of it (set by the committing thread under the lock). */
    private static final class Pending {
        final JournalEntry entry;
        boolean done;
        JournalEntry posted;
        RuntimeException refused;

        Pending(JournalEntry entry) {
            this.entry = entry;
        }

        JournalEntry outcome() {
            if (refused != null) {
                throw refused;
            }
            return posted;
        }
    }

    private void commitGroup(List<Pending> group) {
        try {
            jdbc.inTransaction(connection -> {
                for (Pending pending : group) {
                    try {
                        pending.posted = postIn(connection, pending.entry);
                    } catch (NotFoundException | ValidationException refused) {
                        pending.refused = refused; // rolled back to its savepoint: the others stay
                    }
                }
                return null;
            });
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).posted = null;
                group.get(0).refused = failed;
            } else {
                for (Pending pending : group) { // alone, so that only the entry that fails it gets the error
                    pending.posted = null;
                    pending.refused = null;
                    try {
                        pending.posted = jdbc.inTransaction(connection -> postIn(connection, pending.entry));
                    } catch (RuntimeException e) {
                        pending.refused = e;
                    }
                }
            }
        }
        group.forEach(pending -> pending.done = true);
    }

    /**
     * Applies one entry inside the current transaction, behind a savepoint: a refusal rolls back this entry only.
     * An entry whose key is stored already is not applied again; the stored one is returned.
     */
    private JournalEntry postIn(Connection connection, JournalEntry entry) throws SQLException {
        Optional<JournalEntry> existing = entry(connection, entry.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        // PostgreSQL aborts a transaction at its first error, and the group shares one: each entry gets a savepoint
        Savepoint before = connection.setSavepoint();
        long at = entry.at().toEpochMilli();
        try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_ledger_entry (entry_key, kind, "
                + "memo, at_millis) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, entry.key());
            insert.setString(2, entry.kind().name());
            insert.setString(3, entry.memo());
            insert.setLong(4, at);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                connection.rollback(before); // the same key, posted concurrently by another runtime: that one stands
                return entry(connection, entry.key()).orElseThrow(() -> e);
            }
            throw e;
        }
        List<Posting> ordered = new ArrayList<>(entry.postings());
        ordered.sort(Comparator.comparing(Posting::accountId));
        try (PreparedStatement update = prepare(connection, "UPDATE fog_ledger_account SET balance = balance + ? "
                + "WHERE id = ? AND (kind = 'TREASURY' OR balance + ? >= 0)");
             PreparedStatement posting = prepare(connection, "INSERT INTO fog_ledger_posting (entry_key, "
                     + "account_id, amount, at_millis) VALUES (?, ?, ?, ?)")) {
            for (Posting p : ordered) {
                update.setLong(1, p.amount());
                update.setString(2, p.accountId());
                update.setLong(3, p.amount());
                if (update.executeUpdate() == 0) {
                    boolean open = account(connection, p.accountId()).isPresent();
                    connection.rollback(before);
                    if (!open) {
                        throw new NotFoundException("account '" + p.accountId() + "' is not open");
                    }
                    throw new InsufficientCreditsException(p.accountId(), -p.amount());
                }
                posting.setString(1, entry.key());
                posting.setString(2, p.accountId());
                posting.setLong(3, p.amount());
                posting.setLong(4, at);
                posting.addBatch();
            }
            posting.executeBatch();
        }
        trackHold(connection, entry, at);
        return new JournalEntry(entry.key(), entry.kind(), entry.postings(), entry.memo(), Instant.ofEpochMilli(at));
    }

    @Override
    public Optional<Account> account(String id) {
        return jdbc.inTransaction(connection -> account(connection, id));
    }

    @Override
    public List<Account> accounts(int offset, int limit) {
        return jdbc.inTransaction(connection -> {
            List<Account> accounts = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT id, kind, balance, opened_at FROM "
                    + "fog_ledger_account ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                query.setInt(1, offset);
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        accounts.add(accountOf(rows));
                    }
                }
            }
            return accounts;
        });
    }

    @Override
    public List<JournalEntry> journal(String accountId, int offset, int limit) {
        return jdbc.inTransaction(connection -> {
            List<Head> heads = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT e.entry_key, e.kind, e.memo, e.at_millis "
                    + "FROM fog_ledger_posting p JOIN fog_ledger_entry e ON e.entry_key = p.entry_key "
                    + "WHERE p.account_id = ? ORDER BY p.at_millis DESC, p.entry_key DESC "
                    + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                query.setString(1, accountId);
                query.setInt(2, offset);
                query.setInt(3, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        heads.add(headOf(rows));
                    }
                }
            }
            return entries(connection, heads);
        });
    }

    @Override
    public Optional<JournalEntry> entry(String key) {
        return jdbc.inTransaction(connection -> entry(connection, key));
    }

    @Override
    public List<JournalEntry> holds(int offset, int limit) {
        return jdbc.inTransaction(connection -> {
            List<Head> heads = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT e.entry_key, e.kind, e.memo, e.at_millis "
                    + "FROM fog_ledger_hold h JOIN fog_ledger_entry e ON e.entry_key = h.entry_key "
                    + "ORDER BY h.at_millis, h.entry_key OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                query.setInt(1, offset);
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        heads.add(headOf(rows));
                    }
                }
            }
            return entries(connection, heads);
        });
    }

    /** An escrow opens a hold; the entry that releases the task's escrow closes it, in the same transaction. */
    private static void trackHold(Connection connection, JournalEntry entry, long at) throws SQLException {
        String task = Ledger.taskOf(entry.key());
        if (task == null) {
            return;
        }
        if (entry.kind() == EntryKind.ESCROW) {
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_ledger_hold (entry_key, at_millis) "
                    + "VALUES (?, ?)")) {
                insert.setString(1, entry.key());
                insert.setLong(2, at);
                insert.executeUpdate();
            }
        } else if (entry.kind() == EntryKind.SETTLE || entry.kind() == EntryKind.REFUND) {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM fog_ledger_hold WHERE entry_key = ?")) {
                delete.setString(1, Ledger.escrowKey(task));
                delete.executeUpdate();
            }
        }
    }

    @Override
    public long sumOfBalances() {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement query = prepare(connection, "SELECT COALESCE(SUM(balance), 0) FROM "
                    + "fog_ledger_account"); ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public NodeReputation changeReputation(String key, String nodeId, NodeReputation fresh,
                                           UnaryOperator<NodeReputation> change) {
        return reputation.changeReputation(key, nodeId, fresh, change);
    }

    @Override
    public Optional<NodeReputation> reputation(String nodeId) {
        return reputation.reputation(nodeId);
    }

    @Override
    public List<NodeReputation> reputations(int offset, int limit) {
        return reputation.reputations(offset, limit);
    }

    private Optional<JournalEntry> entry(Connection connection, String key) throws SQLException {
        List<Head> heads = new ArrayList<>(1);
        try (PreparedStatement query = prepare(connection, "SELECT entry_key, kind, memo, at_millis FROM "
                + "fog_ledger_entry WHERE entry_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    heads.add(headOf(rows));
                }
            }
        }
        List<JournalEntry> found = entries(connection, heads);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** An entry as its row says it, before its postings are read. */
    private record Head(String key, EntryKind kind, String memo, long atMillis) {
    }

    private static Head headOf(ResultSet rows) throws SQLException {
        return new Head(rows.getString(1), EntryKind.valueOf(rows.getString(2)), rows.getString(3), rows.getLong(4));
    }

    /** The entries of the given heads with their postings, in the heads' order. */
    private static List<JournalEntry> entries(Connection connection, List<Head> heads) throws SQLException {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, List<Posting>> postings = new LinkedHashMap<>();
        StringJoiner in = new StringJoiner(", ", "(", ")");
        for (Head head : heads) {
            in.add("?");
            postings.put(head.key(), new ArrayList<>());
        }
        try (PreparedStatement query = prepare(connection, "SELECT entry_key, account_id, amount FROM "
                + "fog_ledger_posting WHERE entry_key IN " + in)) {
            int i = 1;
            for (Head head : heads) {
                query.setString(i++, head.key());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    postings.get(rows.getString(1)).add(new Posting(rows.getString(2), rows.getLong(3)));
                }
            }
        }
        List<JournalEntry> entries = new ArrayList<>(heads.size());
        for (Head head : heads) {
            entries.add(new JournalEntry(head.key(), head.kind(), postings.get(head.key()), head.memo(),
                    Instant.ofEpochMilli(head.atMillis())));
        }
        return entries;
    }

    private static Optional<Account> account(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = prepare(connection, "SELECT id, kind, balance, opened_at FROM "
                + "fog_ledger_account WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(accountOf(rows)) : Optional.empty();
            }
        }
    }

    private static Account accountOf(ResultSet rows) throws SQLException {
        return new Account(rows.getString(1), AccountKind.valueOf(rows.getString(2)), rows.getLong(3),
                Instant.ofEpochMilli(rows.getLong(4)));
    }
}
