package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.ledger.ReputationEvent;
import org.fogcompute.ledger.internal.ReputationBook;
import org.fogcompute.persistence.internal.JdbcLedgerStore;
import org.fogcompute.persistence.internal.SchemaMigrator;

/**
 * What routing by earned reputation does to failures, on the simulator's fleet: 300 nodes of 4 cores, one in six
 * failing 30 % of its tasks, the others 1 % (hidden from the coordinator, as in {@code fog:simulate}). One-core tasks go
 * through the default strategy (least-loaded); 150 run at any time, so about half the nodes are idle (a fleet that is
 * not saturated: a saturated one refills every freed slot whatever the order); a random running task ends each time
 * a new one is placed. Each outcome is recorded by the real reputation book (on embedded Derby) and, in the
 * second run, fed to the coordinator as the reputation service does. The first run routes without earned reputation:
 * every node keeps what it declared.
 *
 * <pre>java -cp target/benchmarks.jar org.fogcompute.coordinator.internal.ReputationEffect [tasks]</pre>
 */
public final class ReputationEffect {
    private static final int NODES = 300;
    private static final int CORES = 4;
    private static final int RUNNING = NODES / 2;

    private ReputationEffect() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        System.out.println("| routing | tasks | failed | failure rate | tasks on flaky nodes |");
        System.out.println("|---|---|---|---|---|");
        for (boolean earned : new boolean[] {false, true}) {
            run(earned, tasks);
        }
    }

    private static void run(boolean earned, int count) throws Exception {
        DataSource database = BenchmarkDatabase.derby("reputation-" + UUID.randomUUID().toString().substring(0, 8));
        new SchemaMigrator(database).migrate();
        Clock clock = Clock.systemUTC();
        ReputationBook book = new ReputationBook(new JdbcLedgerStore(database, clock, () -> { }), clock,
                Duration.ofHours(168));
        Coordinator coordinator = new Coordinator(CoordinatorSettings.DEFAULTS, clock,
                BenchmarkWorkload.builtInStrategies(), EventSink.NONE);
        coordinator.useEarnedReputation(earned);
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Double> failureRate = new HashMap<>();
        for (int i = 0; i < NODES; i++) {
            String id = "n" + i;
            coordinator.register(NodeSpec.builder(id).capacity(CORES, 65_536).build());
            failureRate.put(id, random.nextInt(6) == 0 ? 0.3 : 0.01);
        }
        List<Task> running = new ArrayList<>();
        int failed = 0;
        int onFlaky = 0;
        for (int i = 0; i < count; i++) {
            Task task = coordinator.submit(TaskSpec.builder().id("t" + i).requirements(1, 64).build());
            running.add(task);
            if (failureRate.get(task.nodeId()) > 0.1) {
                onFlaky++;
            }
            if (running.size() > RUNNING) {
                int ends = random.nextInt(running.size());
                Task done = running.get(ends);
                running.set(ends, running.get(running.size() - 1));
                running.remove(running.size() - 1);
                String node = done.nodeId();
                boolean fails = random.nextDouble() < failureRate.get(node);
                if (fails) {
                    coordinator.fail(done.id(), "simulated failure");
                    failed++;
                } else {
                    coordinator.complete(done.id());
                }
                double score = book.record((fails ? "failed:" : "done:") + done.id(), node,
                        fails ? ReputationEvent.FAILURE : ReputationEvent.SUCCESS).score();
                coordinator.reputation(node, score); // what the reputation service's event does
            }
        }
        int finished = count - running.size();
        System.out.printf("| %s | %,d | %,d | %.2f %% | %.1f %% |%n", earned ? "earned reputation" : "declared only",
                finished, failed, 100.0 * failed / finished, 100.0 * onFlaky / count);
    }
}
