package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.persistence.internal.JpaFleetStore;
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
 * Durable writes through the coordinator, over a HikariCP pool as in the distribution (SPEC §14, issue 3): each call returns only after its change is committed to
 * the database. Run with {@code -t 1} and {@code -t 16} for one and sixteen concurrent clients. PostgreSQL comes from
 * {@code FOG_BENCH_JDBC_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); its fog tables
 * are dropped first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DurableWriteBenchmark {
    @Param({"derby", "postgresql"})
    String database;

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private BenchmarkDatabase db;
    private Coordinator coordinator;

    @Setup
    public void setUp() throws Exception {
        db = new BenchmarkDatabase(dataSource());
        JpaFleetStore jpa = db.store;
        FleetStore store = new FleetStore() {
            @Override
            public Snapshot load(String ownerId, int finishedTasks) {
                return jpa.load(ownerId, finishedTasks);
            }

            @Override
            public void commit(String ownerId, Changes changes) {
                jpa.commit(ownerId, changes);
                commits.incrementAndGet();
                rows.addAndGet(changes.newNodes().size() + changes.newTasks().size() + changes.savedNodes().size()
                        + changes.savedTasks().size());
            }

            @Override
            public void saveHeartbeats(String ownerId, java.util.List<org.fogcompute.api.Node> nodes) {
                jpa.saveHeartbeats(ownerId, nodes);
            }

            @Override
            public StoreInfo info() {
                return jpa.info();
            }
        };
        coordinator = new Coordinator(CoordinatorSettings.DEFAULTS, Clock.systemUTC(),
                BenchmarkWorkload.builtInStrategies(), EventSink.NONE, store);
        coordinator.restore();
        // capacity for every task the run submits, so each submission is a placement plus a commit
        coordinator.register(NodeSpec.builder("sink-" + run).capacity(1_000_000, 1_000_000_000L).build());
    }

    @TearDown
    public void tearDown() {
        // how well writers shared transactions: rows written per commit
        System.out.printf("%n%s: %d commits, %.1f rows per commit%n", database, commits.get(),
                commits.get() == 0 ? 0.0 : (double) rows.get() / commits.get());
        db.close();
    }

    @Benchmark
    public Object registerNode() {
        return coordinator.register(NodeSpec.builder(run + "-n" + ids.incrementAndGet()).capacity(4, 4096).build());
    }

    @Benchmark
    public Object submitTask() {
        return coordinator.submit(TaskSpec.builder().id(run + "-t" + ids.incrementAndGet()).build());
    }

    private DataSource dataSource() throws Exception {
        return database.equals("derby") ? BenchmarkDatabase.derby("bench-derby-" + run)
                : BenchmarkDatabase.emptyPostgres();
    }
}
