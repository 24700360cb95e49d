package org.fogcompute.coordinator.internal;

import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskSpec;
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
 * What a Flight Recorder recording (as fog:profile makes one) costs the routing hot path: submitAndComplete at 10,000
 * nodes with no recording, with the {@code default} settings and with the {@code profile} settings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ProfilerOverheadBenchmark {
    private static final int TASKS = 1024;

    @Param({"off", "default", "profile"})
    String recording;

    private Coordinator coordinator;
    private TaskSpec[] tasks;
    private Recording jfr;
    private int next;

    @Setup
    public void setUp() throws Exception {
        coordinator = BenchmarkWorkload.fleet(10_000, 42);
        tasks = BenchmarkWorkload.tasks(TASKS, "least-loaded", 7);
        for (int i = 0; i < TASKS; i++) {
            tasks[i] = tasks[i].withId(null);
        }
        if (!recording.equals("off")) {
            jfr = new Recording(Configuration.getConfiguration(recording));
            jfr.setToDisk(true);
            jfr.start();
        }
    }

    @TearDown
    public void tearDown() {
        if (jfr != null) {
            jfr.close();
        }
    }

    @Benchmark
    public Task submitAndComplete() {
        Task task = coordinator.submit(tasks[next++ & (TASKS - 1)]);
        return coordinator.complete(task.id());
    }
}
