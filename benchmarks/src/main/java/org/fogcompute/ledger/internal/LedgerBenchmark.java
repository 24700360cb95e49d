package org.fogcompute.ledger.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.coordinator.internal.BenchmarkDatabase;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.persistence.internal.JdbcLedgerStore;
import org.fogcompute.persistence.internal.SchemaMigrator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A task's credits through the ledger, over a HikariCP pool of 10 as in the distribution: {@code escrowAndSettle} holds
 * a task's price in escrow and settles it (two durable entries, each its own transaction); {@code transfer} is one
 * entry. Each thread pays from its own submitter account (to one operator, the contended row), so the figure shows
 * what row locks on the payee cost. Run with {@code -t 1} and {@code -t 16}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LedgerBenchmark {
    @Param({"derby", "postgresql"})
    String database;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong submitters = new AtomicLong();
    private HikariDataSource pool;
    private DoubleEntryLedger ledger;

    /** Each thread pays from its own submitter account, granted enough for the whole run. */
    @State(Scope.Thread)
    public static class Submitter {
        String account;

        @Setup
        public void open(LedgerBenchmark benchmark) {
            account = benchmark.run + "-s" + benchmark.submitters.incrementAndGet();
            benchmark.ledger.open(account, AccountKind.SUBMITTER);
            benchmark.ledger.grant("grant-" + account, account, Credits.MAX_AMOUNT, null);
        }
    }

    @Setup
    public void setUp() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource());
        config.setMaximumPoolSize(10);
        pool = new HikariDataSource(config);
        new SchemaMigrator(pool).migrate();
        ledger = new DoubleEntryLedger(new JdbcLedgerStore(pool, Clock.systemUTC(), () -> { }), Clock.systemUTC());
        ledger.open(run + "-op", AccountKind.OPERATOR);
    }

    @TearDown
    public void tearDown() {
        System.out.printf("%n%s: journal balanced: %s%n", database, ledger.balanced());
        pool.close();
    }

    @Benchmark
    public Object escrowAndSettle(Submitter submitter) {
        String task = run + "-t" + ids.incrementAndGet();
        ledger.escrow(task, submitter.account, 10_000);
        return ledger.settle(task, run + "-op", 7_500);
    }

    @Benchmark
    public Object transfer(Submitter submitter) {
        return ledger.transfer(run + "-x" + ids.incrementAndGet(), submitter.account, run + "-op", 1, null);
    }

    private DataSource dataSource() throws Exception {
        return database.equals("derby") ? BenchmarkDatabase.derby("bench-ledger-" + run)
                : BenchmarkDatabase.emptyPostgres();
    }
}
