package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategy;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * A strategy bundle dropped into deploy/ becomes selectable at once; deleting it while a loop routes tasks that name
 * it makes them fall back to the default, and not one routing call fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StrategyHotSwapIT extends FogTestSupport {
    private static final String NAME = "spread-by-region";

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected NodeRegistry registry;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected TaskService tasks;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected RoutingStrategies strategies;

    @Test
    public void strategyDroppedIntoDeployIsSelectableAndItsRemovalFallsBackWithoutAFailedCall() throws Exception {
        for (String region : List.of("eu-west", "us-east", "ap-south")) {
            for (int i = 0; i < 3; i++) {
                registry.register(NodeSpec.builder(region + "-" + i).capacity(64, 65536).region(region).build());
            }
        }
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch removed = new CountDownLatch(1);
        Hashtable<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, new String[] {"fog/routing/STRATEGY_ADDED", "fog/routing/STRATEGY_REMOVED"});
        topics.put(EventConstants.EVENT_FILTER, "(" + RoutingStrategy.NAME_PROPERTY + "=" + NAME + ")");
        ServiceRegistration<EventHandler> listener = bundleContext.registerService(EventHandler.class,
                event -> (event.getTopic().endsWith("ADDED") ? added : removed).countDown(), topics);
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", "spread-by-region-strategy.jar");
        try {
            Files.copy(Paths.get(System.getProperty("fog.example.strategy.jar")), deployed,
                    StandardCopyOption.REPLACE_EXISTING);
            assertTrue("the strategy did not become selectable within 60 s", added.await(60, TimeUnit.SECONDS));
            assertTrue(strategies.names().contains(NAME));
            assertTrue(execute("fog:strategy-list").contains(NAME));
            Task first = tasks.submit(TaskSpec.builder().strategy(NAME).build());
            assertEquals(first.status() + ": " + first.message(), NAME, first.routedBy());
            tasks.complete(first.id());

            AtomicBoolean routing = new AtomicBoolean(true);
            AtomicInteger byExample = new AtomicInteger();
            AtomicInteger byDefault = new AtomicInteger();
            CountDownLatch routedAfterRemoval = new CountDownLatch(200);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService loop = Executors.newSingleThreadExecutor();
            Future<?> router = loop.submit(() -> {
                while (routing.get() && failures.size() < 10) {
                    try {
                        Task task = tasks.submit(TaskSpec.builder().strategy(NAME).build());
                        if (task.status() != TaskStatus.ASSIGNED) {
                            failures.add(task.id() + " " + task.status() + ": " + task.message());
                            continue;
                        }
                        tasks.complete(task.id());
                        if (NAME.equals(task.routedBy())) {
                            byExample.incrementAndGet();
                        } else if ("least-loaded".equals(task.routedBy())) {
                            byDefault.incrementAndGet();
                            routedAfterRemoval.countDown();
                        } else {
                            failures.add(task.id() + " routed by " + task.routedBy());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            try {
                Files.delete(deployed);
                assertTrue("the strategy was not removed within 60 s", removed.await(60, TimeUnit.SECONDS));
                assertTrue("routing did not go on with the default after the removal",
                        routedAfterRemoval.await(30, TimeUnit.SECONDS));
            } finally {
                routing.set(false);
                router.get(30, TimeUnit.SECONDS);
                loop.shutdown();
            }
            assertEquals("failed routing calls", List.of(), List.copyOf(failures));
            assertTrue("routed by the example strategy before removal", byExample.get() > 0);
            assertTrue(!strategies.names().contains(NAME));
            assertTrue(execute("fog:task-submit --strategy " + NAME).contains("by least-loaded"));
        } finally {
            Files.deleteIfExists(deployed);
            listener.unregister();
        }
    }
}
