package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
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
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.fogcompute.api.scheduling.TaskQueue;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * The scheduling queue in the real runtime: the built-in strategies are there, swapping the default while tasks wait
 * and are placed loses none and places none twice, a strategy registered at runtime orders the queue and goes away
 * cleanly, and the shell shows the queue.
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
    public void aStrategyRegisteredAtRuntimeOrdersTheQueueAndItsRemovalFallsBack() throws Exception {
        awaitStrategies();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SchedulingStrategy.NAME_PROPERTY, "lowest-first");
        // the opposite of priority: the largest number first
        SchedulingStrategy lowestFirst = () -> Comparator.comparingInt(QueuedTask::priority).reversed();
        ServiceRegistration<SchedulingStrategy> registration = bundleContext.registerService(SchedulingStrategy.class,
                lowestFirst, properties);
        try {
            assertTrue(scheduling.names().contains("lowest-first"));
            assertTrue(execute("fog:sched-list").contains("lowest-first"));
            execute("fog:sched-set lowest-first");
            assertEquals("lowest-first", queue.stats().strategy());
            // nowhere to run: both wait, and a node with room for one takes the one the strategy puts first
            Task high = tasks.submit(TaskSpec.builder().id("order-high").priority(1).requirements(3, 64).build());
            Task low = tasks.submit(TaskSpec.builder().id("order-low").priority(9).requirements(3, 64).build());
            assertEquals(TaskStatus.PENDING, high.status());
            assertEquals(TaskStatus.PENDING, low.status());
            registry.register(NodeSpec.builder("order-node").capacity(3, 4096).region("order").build());
            assertEquals(TaskStatus.ASSIGNED, tasks.findTask("order-low").orElseThrow().status());
            assertEquals(TaskStatus.PENDING, tasks.findTask("order-high").orElseThrow().status());
            String shown = execute("fog:queue");
            assertTrue(shown, shown.contains("lowest-first") && shown.contains("NO_CAPACITY"));
        } finally {
            registration.unregister();
        }
        // the configured default is gone: the queue keeps the built-in default's order until it returns
        assertEquals("priority", queue.stats().strategy());
        tasks.cancel("order-high");
        tasks.complete("order-low");
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
        CountDownLatch complete = new CountDownLatch(1);
        scheduling.onChange(() -> {
            if (scheduling.names().containsAll(BUILT_IN)) {
                complete.countDown();
            }
        });
        if (!scheduling.names().containsAll(BUILT_IN)) {
            complete.await(60, TimeUnit.SECONDS);
        }
        assertTrue("built-in scheduling strategies: " + scheduling.names(), scheduling.names().containsAll(BUILT_IN));
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
