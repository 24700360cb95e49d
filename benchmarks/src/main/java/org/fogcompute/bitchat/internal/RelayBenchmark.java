package org.fogcompute.bitchat.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.fogcompute.api.bitchat.RelayedMessage;
import org.fogcompute.coordinator.internal.BenchmarkDatabase;
import org.fogcompute.persistence.internal.JdbcMessageStore;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The relay's round trip as peers drive it: a message stored for its recipient (one commit) and acknowledged by it
 * (another), on the database the distribution uses, from 4 threads through a pool of 10 as the REST API would.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RelayBenchmark {
    @Param({"derby", "postgres"})
    String database;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Predicate<String> peers = Set.of("alice", "bob")::contains;
    private HikariDataSource pool;
    private Mailboxes mailboxes;

    @Setup
    public void setUp() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource());
        config.setMaximumPoolSize(10);
        pool = new HikariDataSource(config);
        new SchemaMigrator(pool).migrate();
        JdbcMessageStore store = new JdbcMessageStore(pool, () -> { });
        mailboxes = new Mailboxes(Clock.systemUTC(), new StoreKeeper(store),
                new Mailboxes.Rules(1_000_000, Duration.ofHours(72), Duration.ofHours(24), 256, Long.MAX_VALUE));
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public Object storeAndDeliver() {
        RelayedMessage message = mailboxes.send("alice", "bob", "c2VhbGVkIG1lc3NhZ2U=", 3600, false, peers,
                (s, r) -> null).get(0);
        return mailboxes.acknowledge("bob", message.id());
    }

    private DataSource dataSource() throws Exception {
        return database.equals("derby") ? BenchmarkDatabase.derby("bench-relay-" + run)
                : BenchmarkDatabase.emptyPostgres();
    }
}
