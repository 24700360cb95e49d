package org.fogcompute.pools.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.fogcompute.api.pools.PoolStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane of the shared scheduler: its tasks run one at a time, in the order they became due, on the shared runner
 * threads; a timer thread shared by all lanes only hands due tasks over and never runs one. After each task the lane
 * gives its thread back, so one busy lane cannot hold the others up.
 *
 * <p>Unlike {@link java.util.concurrent.ScheduledThreadPoolExecutor}, a periodic task that throws is logged and keeps
 * its schedule: a sweeper that met one bad row must not stop sweeping for the rest of the run.
 */
final class SerialLane extends AbstractExecutorService implements ScheduledExecutorService {
    private static final Logger LOG = LoggerFactory.getLogger(SerialLane.class);

    private record Queued(Runnable task, long dueNanos) {
    }

    private final String name;
    private final ScheduledExecutorService timer;
    private final Executor runners;
    private final Consumer<SerialLane> onTerminated;
    /** Lanes of the scheduler that have work (waiting for a runner or on one): how many runners are wanted. */
    private final AtomicInteger lanesWithWork;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final Set<ScheduledFuture<?>> scheduled = ConcurrentHashMap.newKeySet();
    private final LongAdder runs = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private boolean draining;
    private boolean shutdown;
    private Thread running;
    private long longestRunNanos;
    private long longestWaitNanos;

    SerialLane(String name, ScheduledExecutorService timer, Executor runners, AtomicInteger lanesWithWork,
               Consumer<SerialLane> onTerminated) {
        this.name = name;
        this.lanesWithWork = lanesWithWork;
        this.timer = timer;
        this.runners = runners;
        this.onTerminated = onTerminated;
    }

    String name() {
        return name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the lane " + name + " is shut down");
            }
            enqueue(task);
        }
    }

    /** Queues a task that became due; starts draining on a runner unless the lane is draining already. */
    private void enqueue(Runnable task) {
        synchronized (this) {
            queue.add(new Queued(task, System.nanoTime()));
            if (draining) {
                return;
            }
            draining = true;
            lanesWithWork.incrementAndGet();
        }
        handOver();
    }

    private void handOver() {
        try {
            runners.execute(this::runOne);
        } catch (RejectedExecutionException schedulerStopped) {
            List<Queued> dropped;
            synchronized (this) {
                dropped = new ArrayList<>(queue);
                queue.clear();
                draining = false;
                lanesWithWork.decrementAndGet();
                notifyAll();
            }
            LOG.debug("Lane {}: the shared threads are stopped; {} task(s) dropped", name, dropped.size());
        }
    }

    private void runOne() {
        Queued next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                draining = false;
                lanesWithWork.decrementAndGet();
                notifyAll();
                return;
            }
            running = Thread.currentThread();
        }
        long started = System.nanoTime();
        try {
            next.task().run();
        } catch (Throwable failed) {
            failures.increment();
            LOG.warn("Lane {}: a task failed", name, failed);
        } finally {
            long ended = System.nanoTime();
            boolean more;
            synchronized (this) {
                running = null;
                runs.increment();
                longestRunNanos = Math.max(longestRunNanos, ended - started);
                longestWaitNanos = Math.max(longestWaitNanos, started - next.dueNanos());
                more = !queue.isEmpty();
                if (!more) {
                    draining = false;
                    lanesWithWork.decrementAndGet();
                    notifyAll();
                }
            }
            // an interrupt meant for this lane's task must not reach the next lane's task on this thread
            Thread.interrupted();
            if (more) {
                handOver();
            }
        }
        terminateIfDone();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(Executors.callable(command, null), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        OneShot<V> task = new OneShot<>(callable);
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the lane " + name + " is shut down");
            }
            scheduled.add(task);
            task.timer = timer.schedule(() -> {
                scheduled.remove(task);
                if (!task.isCancelled()) {
                    enqueue(task);
                }
            }, delay, unit);
        }
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, initialDelay, period, unit, true);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, initialDelay, delay, unit, false);
    }

    private ScheduledFuture<?> periodic(Runnable command, long initialDelay, long period, TimeUnit unit,
                                        boolean fixedRate) {
        if (period <= 0) {
            throw new IllegalArgumentException("a period must be positive, got " + period);
        }
        Periodic task = new Periodic(command, unit.toNanos(period), fixedRate);
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the lane " + name + " is shut down");
            }
            scheduled.add(task);
            task.timer = fixedRate
                    ? timer.scheduleAtFixedRate(task::due, initialDelay, period, unit)
                    : timer.schedule(task::due, initialDelay, unit);
        }
        return task;
    }

    @Override
    public void shutdown() {
        synchronized (this) {
            shutdown = true;
        }
        // periodic tasks end with their lane; delayed one-shots still run, as with a ScheduledThreadPoolExecutor
        for (ScheduledFuture<?> task : scheduled) {
            if (task instanceof Periodic) {
                task.cancel(false);
            }
        }
        terminateIfDone();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> never = new ArrayList<>();
        synchronized (this) {
            shutdown = true;
            queue.forEach(queued -> never.add(queued.task()));
            queue.clear();
            if (running != null) {
                running.interrupt();
            }
        }
        for (ScheduledFuture<?> task : scheduled) {
            task.cancel(false);
        }
        scheduled.clear();
        terminateIfDone();
        return never;
    }

    private void terminateIfDone() {
        if (isTerminated()) {
            onTerminated.accept(this);
        }
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && !draining && queue.isEmpty() && scheduled.isEmpty();
    }

    @Override
    public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized PoolStats stats(String owner) {
        return new PoolStats("scheduler/" + name, "lane", owner, 1, 1, running == null ? 0 : 1,
                running == null ? 1 : 0, queue.size(), -1, runs.sum(),
                String.format("%d timer(s), %d failed, longest run %.1f ms, longest wait %.1f ms", scheduled.size(),
                        failures.sum(), longestRunNanos / 1e6, longestWaitNanos / 1e6));
    }

    /** A delayed task: a future the caller may cancel or wait on, run by the lane when due. */
    private static final class OneShot<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private volatile ScheduledFuture<?> timer;

        OneShot(Callable<V> callable) {
            super(callable);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            return super.cancel(mayInterruptIfRunning);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            ScheduledFuture<?> t = timer;
            return t == null ? 0 : t.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    /**
     * A periodic task. At a fixed rate, a tick that finds the task still waiting or running is skipped, so a slow run
     * never piles runs up behind it; with a fixed delay, the next run is timed from the end of the previous one.
     */
    private final class Periodic implements ScheduledFuture<Object>, Runnable {
        private final Runnable command;
        private final long periodNanos;
        private final boolean fixedRate;
        private final AtomicBoolean pending = new AtomicBoolean();
        private final CountDownLatch cancelled = new CountDownLatch(1);
        private volatile ScheduledFuture<?> timer;

        Periodic(Runnable command, long periodNanos, boolean fixedRate) {
            this.command = command;
            this.periodNanos = periodNanos;
            this.fixedRate = fixedRate;
        }

        void due() {
            if (isCancelled() || !pending.compareAndSet(false, true)) {
                return;
            }
            enqueue(this);
        }

        @Override
        public void run() {
            try {
                if (!isCancelled()) {
                    command.run();
                }
            } finally {
                pending.set(false);
                if (!fixedRate && !isCancelled()) {
                    try {
                        timer = SerialLane.this.timer.schedule(this::due, periodNanos, TimeUnit.NANOSECONDS);
                    } catch (RejectedExecutionException schedulerStopped) {
                        cancel(false);
                    }
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean first = cancelled.getCount() > 0;
            cancelled.countDown();
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            scheduled.remove(this);
            return first;
        }

        @Override
        public boolean isCancelled() {
            return cancelled.getCount() == 0;
        }

        @Override
        public boolean isDone() {
            return isCancelled();
        }

        @Override
        public Object get() throws InterruptedException {
            cancelled.await();
            throw new CancellationException("the periodic task was cancelled");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
            if (!cancelled.await(timeout, unit)) {
                throw new TimeoutException();
            }
            throw new CancellationException("the periodic task was cancelled");
        }

        @Override
        public long getDelay(TimeUnit unit) {
            ScheduledFuture<?> t = timer;
            return t == null ? 0 : t.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
