package org.fogcompute.pools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fogcompute.api.pools.PoolSource;
import org.fogcompute.api.pools.PoolStats;
import org.fogcompute.api.pools.SharedScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's shared scheduler: one timer thread that only hands due tasks over, and runner threads (named
 * {@code fog-scheduler-N}) created when lanes have work and retired after a minute idle, at most {@code threads.max}.
 * Since each lane runs one task at a time, the runners in use never exceed the lanes with work, and a lane that blocks
 * (a database outage) holds one runner, not the others.
 */
@Component(service = {SharedScheduler.class, PoolSource.class}, configurationPid = SharedSchedulerComponent.PID,
        property = {"fog.service.name=shared-scheduler", "fog.service.critical=true"})
@Designate(ocd = SharedSchedulerComponent.Config.class)
public class SharedSchedulerComponent implements SharedScheduler, PoolSource {
    static final String PID = "org.fogcompute.pools";
    private static final Logger LOG = LoggerFactory.getLogger(SharedSchedulerComponent.class);
    private static final String OWNER = "org.fogcompute.pools";

    @ObjectClassDefinition(name = "Fog pools", description = "The shared scheduler's threads")
    public @interface Config {
        @AttributeDefinition(name = "Most runner threads", description = "At least 2; lanes beyond it wait")
        int threads_max() default 16;

        @AttributeDefinition(name = "Idle runner kept (s)")
        long threads_keep_alive_seconds() default 60;
    }

    private final AtomicLong threadsCreated = new AtomicLong();
    private final AtomicInteger lanesWithWork = new AtomicInteger();
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor runners;
    private final Map<SerialLane, Boolean> lanes = new ConcurrentHashMap<>();

    @Activate
    public SharedSchedulerComponent(Config config) {
        timer = new ScheduledThreadPoolExecutor(1, named("fog-scheduler-timer", false));
        timer.setRemoveOnCancelPolicy(true);
        int max = Math.max(2, config.threads_max());
        RunnerQueue queue = new RunnerQueue(lanesWithWork);
        runners = new ThreadPoolExecutor(0, max, Math.max(1, config.threads_keep_alive_seconds()),
                TimeUnit.SECONDS, queue, named("fog-scheduler-", true), (task, executor) -> {
                    if (executor.isShutdown() || !queue.queue(task)) {
                        throw new RejectedExecutionException("the shared scheduler is stopped");
                    }
                });
        queue.executor = runners;
    }

    /**
     * A {@link ThreadPoolExecutor} with an unbounded queue never grows past its core size, and one with a core size
     * creates a thread for every task until it has them all. This queue refuses a task while more lanes have work than
     * there are runners, so the executor starts one (up to the maximum); otherwise, at the maximum, or when the
     * executor refuses, the task is queued for a runner that is idle or about to be. A lane that goes on to its next
     * task keeps its count, so one busy lane never looks like two.
     */
    private static final class RunnerQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private final transient AtomicInteger lanesWithWork;
        private transient volatile ThreadPoolExecutor executor;

        RunnerQueue(AtomicInteger lanesWithWork) {
            this.lanesWithWork = lanesWithWork;
        }

        @Override
        public boolean offer(Runnable task) {
            ThreadPoolExecutor pool = executor;
            if (pool != null && pool.getPoolSize() < pool.getMaximumPoolSize()
                    && lanesWithWork.get() > pool.getPoolSize()) {
                return false;
            }
            return super.offer(task);
        }

        boolean queue(Runnable task) {
            return super.offer(task);
        }
    }

    @Modified
    void modified(Config changed) {
        int max = Math.max(2, changed.threads_max());
        runners.setMaximumPoolSize(max);
        runners.setKeepAliveTime(Math.max(1, changed.threads_keep_alive_seconds()), TimeUnit.SECONDS);
        LOG.info("Shared scheduler: at most {} runner threads", max);
    }

    @Deactivate
    void deactivate() {
        for (SerialLane lane : new ArrayList<>(lanes.keySet())) {
            if (!lane.isShutdown()) {
                LOG.warn("Lane {} was not shut down by its service; stopping it", lane.name());
            }
            lane.shutdownNow();
        }
        timer.shutdownNow();
        runners.shutdownNow();
    }

    @Override
    public ScheduledExecutorService lane(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("a lane name is 1-41 of a-z, 0-9 and '-', got " + name);
        }
        String unique = name;
        for (int n = 2; taken(unique); n++) {
            unique = name + "-" + n;
        }
        SerialLane lane = new SerialLane(unique, timer, runners, lanesWithWork, lanes::remove);
        lanes.put(lane, Boolean.TRUE);
        return lane;
    }

    private boolean taken(String name) {
        return lanes.keySet().stream().anyMatch(lane -> lane.name().equals(name));
    }

    @Override
    public List<PoolStats> pools() {
        List<PoolStats> pools = new ArrayList<>();
        int size = runners.getPoolSize();
        int active = runners.getActiveCount();
        pools.add(new PoolStats("scheduler", "threads", OWNER, size, runners.getMaximumPoolSize(), active,
                Math.max(0, size - active), runners.getQueue().size(), threadsCreated.get(),
                runners.getCompletedTaskCount() + active,
                lanes.size() + " lanes; runners retire after " + runners.getKeepAliveTime(TimeUnit.SECONDS)
                        + " s idle"));
        lanes.keySet().forEach(lane -> pools.add(lane.stats(OWNER)));
        return pools;
    }

    private ThreadFactory named(String prefix, boolean numbered) {
        return runnable -> {
            Thread thread = new Thread(runnable, numbered ? prefix + threadsCreated.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
