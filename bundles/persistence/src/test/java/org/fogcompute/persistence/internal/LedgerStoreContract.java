package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.EntryKind;
import org.fogcompute.api.ledger.InsufficientCreditsException;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.Posting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's store on a real database; subclasses say which one. */
abstract class LedgerStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private DataSource dataSource;
    private JdbcLedgerStore store;

    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        dataSource = emptyDatabase();
        new SchemaMigrator(dataSource).migrate();
        store = new JdbcLedgerStore(dataSource, Clock.fixed(T0, ZoneOffset.UTC), () -> { });
        store.open(Account.TREASURY_ID, AccountKind.TREASURY);
    }

    private static JournalEntry entry(String key, EntryKind kind, String from, String to, long amount) {
        return new JournalEntry(key, kind, List.of(new Posting(from, -amount), new Posting(to, amount)), null, T0);
    }

    private long balance(String id) {
        return store.account(id).orElseThrow().balance();
    }

    @Test
    void grantsAndTransfersMoveCreditsAndTheJournalSaysHow() {
        store.open("alice", AccountKind.SUBMITTER);
        store.open("op", AccountKind.OPERATOR);
        JournalEntry grant = store.post(entry("grant-1", EntryKind.GRANT, Account.TREASURY_ID, "alice", 500));
        store.post(entry("pay-1", EntryKind.TRANSFER, "alice", "op", 120));

        assertThat(grant.key()).isEqualTo("grant-1");
        assertThat(balance("alice")).isEqualTo(380);
        assertThat(balance("op")).isEqualTo(120);
        assertThat(balance(Account.TREASURY_ID)).isEqualTo(-500);
        assertThat(store.sumOfBalances()).isZero();
        List<JournalEntry> journal = store.journal("alice", 0, 10);
        assertThat(journal).extracting(JournalEntry::key).containsExactly("pay-1", "grant-1");
        assertThat(journal.get(0).postings()).containsExactlyInAnyOrder(new Posting("alice", -120),
                new Posting("op", 120));
        assertThat(store.journal("alice", 1, 10)).extracting(JournalEntry::key).containsExactly("grant-1");
        assertThat(store.accounts(0, 10)).extracting(Account::id).containsExactly("alice", "op", "treasury");
    }

    @Test
    void anEscrowIsHeldUntilItsReleaseIsPostedAndOnlyThen() {
        store.open("alice", AccountKind.SUBMITTER);
        store.open("escrow", AccountKind.ESCROW);
        store.post(entry("grant-1", EntryKind.GRANT, Account.TREASURY_ID, "alice", 500));
        store.post(entry("escrow:t1", EntryKind.ESCROW, "alice", "escrow", 100));
        store.post(entry("escrow:t2", EntryKind.ESCROW, "alice", "escrow", 50));
        store.post(entry("escrow:t2", EntryKind.ESCROW, "alice", "escrow", 50)); // a replay holds nothing more
        assertThat(store.holds(0, 10)).extracting(JournalEntry::key).containsExactly("escrow:t1", "escrow:t2");

        store.post(entry("release:t1", EntryKind.REFUND, "escrow", "alice", 100));
        assertThat(store.holds(0, 10)).extracting(JournalEntry::key).containsExactly("escrow:t2");
        assertThat(store.holds(1, 10)).isEmpty();

        // a refused release (more than is held) leaves the hold where it was
        assertThatThrownBy(() -> store.post(entry("release:t2", EntryKind.SETTLE, "escrow", "alice", 51)))
                .isInstanceOf(InsufficientCreditsException.class);
        assertThat(store.holds(0, 10)).extracting(JournalEntry::key).containsExactly("escrow:t2");
    }

    @Test
    void aReplayedKeyReturnsTheStoredEntryAndMovesNothing() {
        store.open("alice", AccountKind.SUBMITTER);
        JournalEntry first = store.post(entry("grant-1", EntryKind.GRANT, Account.TREASURY_ID, "alice", 500));
        JournalEntry again = store.post(entry("grant-1", EntryKind.GRANT, Account.TREASURY_ID, "alice", 500));
        assertThat(again).isEqualTo(first);
        assertThat(balance("alice")).isEqualTo(500);
        assertThat(store.entry("grant-1")).contains(first);
        assertThat(store.open("alice", AccountKind.SUBMITTER).balance()).isEqualTo(500);
    }

    @Test
    void anOverdraftOrAnUnknownAccountIsRefusedAndChangesNothing() {
        store.open("alice", AccountKind.SUBMITTER);
        store.open("op", AccountKind.OPERATOR);
        store.post(entry("grant-1", EntryKind.GRANT, Account.TREASURY_ID, "alice", 100));
        assertThatThrownBy(() -> store.post(entry("too-much", EntryKind.TRANSFER, "alice", "op", 101)))
                .isInstanceOf(InsufficientCreditsException.class).hasMessageContaining("alice");
        assertThatThrownBy(() -> store.post(entry("nobody", EntryKind.TRANSFER, "alice", "ghost", 10)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        assertThat(balance("alice")).isEqualTo(100);
        assertThat(balance("op")).isZero();
        assertThat(store.entry("too-much")).isEmpty();
        assertThat(store.entry("nobody")).isEmpty();
        assertThat(store.sumOfBalances()).isZero();
    }

    @Test
    void concurrentTransfersNeverOverdrawAndTheJournalMatchesTheBalances() throws Exception {
        List<String> accounts = List.of("a", "b", "c", "d", "e");
        for (String id : accounts) {
            store.open(id, AccountKind.SUBMITTER);
            store.post(entry("seed-" + id, EntryKind.GRANT, Account.TREASURY_ID, id, 1_000));
        }
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(writer);
                for (int i = 0; i < 100; i++) {
                    String from = accounts.get(random.nextInt(accounts.size()));
                    String to = accounts.get((accounts.indexOf(from) + 1 + random.nextInt(4)) % accounts.size());
                    try {
                        store.post(entry("t-" + writer + "-" + i, EntryKind.TRANSFER, from, to,
                                1 + random.nextInt(400)));
                        applied.incrementAndGet();
                    } catch (InsufficientCreditsException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        assertThat(applied.get() + refused.get()).isEqualTo(800);
        assertThat(applied.get()).isPositive();
        assertThat(store.sumOfBalances()).isZero();
        long total = 0;
        for (String id : accounts) {
            assertThat(balance(id)).isNotNegative().isEqualTo(sumOfPostings(id));
            total += balance(id);
        }
        assertThat(total).as("credits neither created nor lost").isEqualTo(5_000);
        assertThat(countEntries()).isEqualTo(5 + applied.get());
    }

    @Test
    void theSameKeyPostedConcurrentlyIsAppliedOnce() throws Exception {
        store.open("alice", AccountKind.SUBMITTER);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JournalEntry>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(pool.submit(() -> store.post(entry("once", EntryKind.GRANT, Account.TREASURY_ID, "alice",
                    250))));
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (Future<JournalEntry> post : posts) {
            entries.add(post.get());
        }
        pool.shutdown();
        assertThat(entries).containsOnly(entries.get(0));
        assertThat(balance("alice")).isEqualTo(250);
        assertThat(countEntries()).isEqualTo(1);
    }

    @Test
    void concurrentFirstOutcomesOfANodeAddUpAndAKeyCountsOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<NodeReputation>> changes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = "done:" + i;
            changes.add(pool.submit(() -> store.changeReputation(key, "node-1", NodeReputation.fresh("node-1", T0),
                    r -> new NodeReputation(r.nodeId(), r.points() + 10, r.successes() + 1, r.failures(), r.lost(),
                            T0))));
        }
        for (Future<NodeReputation> change : changes) {
            change.get();
        }
        NodeReputation again = store.changeReputation("done:0", "node-1", NodeReputation.fresh("node-1", T0),
                r -> new NodeReputation(r.nodeId(), r.points() + 10, r.successes() + 1, r.failures(), r.lost(), T0));
        pool.shutdown();
        assertThat(again.points()).isEqualTo(180);
        assertThat(store.reputation("node-1").orElseThrow().successes()).isEqualTo(8);
        assertThat(store.reputations(0, 10)).extracting(NodeReputation::nodeId).containsExactly("node-1");
        assertThat(store.reputation("node-2")).isEmpty();
    }

    private long sumOfPostings(String account) throws SQLException {
        return queryLong("SELECT COALESCE(SUM(amount), 0) FROM fog_ledger_posting WHERE account_id = '" + account
                + "'");
    }

    private long countEntries() throws SQLException {
        return queryLong("SELECT COUNT(*) FROM fog_ledger_entry");
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
