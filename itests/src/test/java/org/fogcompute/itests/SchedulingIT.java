package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.TaskQueue;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The scheduling queue in the real runtime: the built-in strategies are there, swapping the default while tasks wait
 * and are placed loses none and places none twice, a strategy bundle dropped into deploy/ orders the queue and goes
 * away cleanly with its jar, and the shell shows the queue.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SchedulingIT extends FogTestSupport {
    private static final List<String> BUILT_IN = List.of("adaptive", "affinity", "cost", "fifo", "priority", "sla");

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected NodeRegistry registry;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected TaskService tasks;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected SchedulingStrategies scheduling;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected TaskQueue queue;

    @Test
    public void swappingTheSchedulingStrategyWhileTasksWaitLosesNoneAndPlacesNoneTwice() throws Exception {
        awaitStrategies();
        // 2 nodes x 4 cores: 8 of the 60 one-core tasks run at a time, the rest wait (parked, no capacity)
        registry.register(NodeSpec.builder("sched-a").capacity(4, 65536).region("sched").build());
        registry.register(NodeSpec.builder("sched-b").capacity(4, 65536).region("sched").build());
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Task task = tasks.submit(TaskSpec.builder().id("swap-" + i).type("swap").priority(1 + i % 10)
                    .requirements(1, 64).build());
            submitted.add(task.id());
        }
        assertTrue("tasks wait in the queue: " + queue.stats(), queue.stats().total() >= 50);

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int swaps = 0;
        try {
            // each round: another default (the queue is re-sorted and every parked task woken), then the running tasks
            // complete, which frees capacity and places the next waiting ones; the queue's own timer runs meanwhile
            while (countDone(submitted) < submitted.size() && System.nanoTime() < deadline) {
                scheduling.setDefault(BUILT_IN.get(swaps++ % BUILT_IN.size()));
                for (Task running : tasks.list(new TaskQuery(TaskStatus.ASSIGNED, null, 0, 1000)).items()) {
                    if (running.id().startsWith("swap-")) {
                        try {
                            tasks.complete(running.id());
                        } catch (RuntimeException e) {
                            failures.add("complete " + running.id() + ": " + e);
                        }
                    }
                }
            }
        } finally {
            scheduling.setDefault("priority");
        }
        assertTrue("the default changed while tasks waited: " + swaps, swaps >= BUILT_IN.size());
        assertEquals("failures", List.of(), List.copyOf(failures));
        Map<TaskStatus, Integer> byStatus = new HashMap<>();
        for (String id : submitted) {
            Task task = tasks.findTask(id).orElseThrow(() -> new AssertionError("task " + id + " was lost"));
            byStatus.merge(task.status(), 1, Integer::sum);
            assertEquals("placements of " + id, 1, tasks.assignments(id).size());
        }
        assertEquals(Map.of(TaskStatus.COMPLETED, submitted.size()), byStatus);
        assertEquals("nothing left waiting", 0, queue.stats().total());
        registry.unregister("sched-a");
        registry.unregister("sched-b");
    }

    @Test
    public void aSchedulingStrategyDroppedIntoDeployOrdersTheQueueAndItsRemovalFallsBack() throws Exception {
        awaitStrategies();
        String name = "smallest-first";
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", "smallest-first-scheduling.jar");
        try {
            CountDownLatch added = whenNames(names -> names.contains(name));
            Files.copy(Paths.get(System.getProperty("fog.example.scheduling.jar")), deployed,
                    StandardCopyOption.REPLACE_EXISTING);
            assertTrue("the strategy did not become selectable within 60 s", added.await(60, TimeUnit.SECONDS));
            assertTrue(execute("fog:sched-list").contains(name));
            execute("fog:sched-set " + name);
            assertEquals(name, queue.stats().strategy());
            // nowhere to run: both wait; a node with room for the big one or the small one takes the one the
            // strategy puts first (priority would take the big one: it has priority 1)
            Task big = tasks.submit(TaskSpec.builder().id("order-big").priority(1).requirements(3, 64).build());
            Task small = tasks.submit(TaskSpec.builder().id("order-small").priority(9).requirements(1, 64).build());
            assertEquals(TaskStatus.PENDING, big.status());
            assertEquals(TaskStatus.PENDING, small.status());
            registry.register(NodeSpec.builder("order-node").capacity(3, 4096).region("order").build());
            assertEquals(TaskStatus.ASSIGNED, tasks.findTask("order-small").orElseThrow().status());
            assertEquals(TaskStatus.PENDING, tasks.findTask("order-big").orElseThrow().status());
            String shown = execute("fog:queue");
            assertTrue(shown, shown.contains(name) && shown.contains("NO_CAPACITY"));

            CountDownLatch removed = whenNames(names -> !names.contains(name));
            Files.delete(deployed);
            assertTrue("the strategy was not removed within 60 s", removed.await(60, TimeUnit.SECONDS));
        } finally {
            Files.deleteIfExists(deployed);
        }
        // the configured default is gone: the queue keeps the built-in default's order until it returns
        assertEquals("priority", queue.stats().strategy());
        assertTrue(execute("fog:sched-list").contains("is not installed"));
        tasks.cancel("order-big");
        tasks.complete("order-small");
        registry.unregister("order-node");
        execute("fog:sched-set priority");
    }

    @Test
    public void badSchedulingInputIsRefusedNamingTheField() throws Exception {
        awaitStrategies();
        assertField("schedulingStrategy", TaskSpec.builder().schedulingStrategy("no-such-strategy"));
        assertField("deadline", TaskSpec.builder().deadline(Instant.now().minusSeconds(1)));
        String error = executeExpectingError("fog:task-submit --deadline yesterday");
        assertTrue(error, error.contains("deadline"));
        error = executeExpectingError("fog:task-submit --price-limit -1");
        assertTrue(error, error.contains("priceLimit"));
        error = executeExpectingError("fog:task-submit --sched nope");
        assertTrue(error, error.contains("unknown scheduling strategy 'nope'"));
    }

    private void assertField(String field, TaskSpec.Builder spec) {
        int before = tasks.list(TaskQuery.ALL).total();
        try {
            tasks.submit(spec.build());
            throw new AssertionError("accepted a task with a bad " + field);
        } catch (ValidationException e) {
            assertEquals(e.getMessage(), field, e.field());
        }
        assertEquals("nothing was queued", before, tasks.list(TaskQuery.ALL).total());
    }

    /** The strategies' bundle starts beside the coordinator: waits for the registry to report them all. */
    private void awaitStrategies() throws InterruptedException {
        CountDownLatch complete = whenNames(names -> names.containsAll(BUILT_IN));
        if (!scheduling.names().containsAll(BUILT_IN)) {
            complete.await(60, TimeUnit.SECONDS);
        }
        assertTrue("built-in scheduling strategies: " + scheduling.names(), scheduling.names().containsAll(BUILT_IN));
    }

    /** A latch released once the registry, telling of a change, holds names that satisfy {@code condition}. */
    private CountDownLatch whenNames(java.util.function.Predicate<java.util.Set<String>> condition) {
        CountDownLatch latch = new CountDownLatch(1);
        scheduling.onChange(() -> {
            if (condition.test(scheduling.names())) {
                latch.countDown();
            }
        });
        return latch;
    }

    private int countDone(List<String> ids) {
        int done = 0;
        for (String id : ids) {
            if (tasks.findTask(id).map(t -> t.status() == TaskStatus.COMPLETED).orElse(false)) {
                done++;
            }
        }
        return done;
    }
}
