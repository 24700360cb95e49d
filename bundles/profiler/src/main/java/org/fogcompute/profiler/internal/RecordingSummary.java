package org.fogcompute.profiler.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.fogcompute.api.resources.Profile;

/**
 * Reads a recording with {@code jdk.jfr.consumer}, one event at a time (a long recording need not fit in memory), into
 * what an operator asks first: where the time goes, what allocates, how long collections paused, which monitors are
 * contended, how much file and socket I/O there was.
 */
final class RecordingSummary {
    /** Entries kept per list. */
    static final int TOP = 20;

    private final Map<String, long[]> methods = new HashMap<>();
    private final Map<String, double[]> allocations = new HashMap<>();
    private final Map<String, double[]> monitors = new HashMap<>();
    private long gcPauses;
    private double gcPauseTotalMs;
    private double gcPauseMaxMs;
    private long fileRead;
    private long fileWrite;
    private long socketRead;
    private long socketWrite;
    private long events;

    static Profile.Summary of(Path recording) throws IOException {
        RecordingSummary summary = new RecordingSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                summary.add(file.readEvent());
            }
        }
        return summary.summary();
    }

    void add(RecordedEvent event) {
        events++;
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                String top = topFrame(event.getStackTrace());
                if (top != null) {
                    methods.computeIfAbsent(top, m -> new long[1])[0]++;
                }
            }
            case "jdk.ObjectAllocationSample" -> {
                RecordedClass type = event.getClass("objectClass");
                double[] entry = allocations.computeIfAbsent(type == null ? "?" : readable(type.getName()),
                        c -> new double[2]);
                entry[0]++;
                entry[1] += event.getLong("weight");
            }
            case "jdk.GarbageCollection" -> {
                double pauses = millis(event.getDuration("sumOfPauses"));
                gcPauses++;
                gcPauseTotalMs += pauses;
                gcPauseMaxMs = Math.max(gcPauseMaxMs, millis(event.getDuration("longestPause")));
            }
            case "jdk.JavaMonitorEnter" -> {
                RecordedClass monitor = event.getClass("monitorClass");
                double[] entry = monitors.computeIfAbsent(monitor == null ? "?" : readable(monitor.getName()),
                        c -> new double[2]);
                entry[0]++;
                entry[1] += millis(event.getDuration());
            }
            case "jdk.FileRead" -> fileRead += Math.max(0, event.getLong("bytesRead"));
            case "jdk.FileWrite" -> fileWrite += Math.max(0, event.getLong("bytesWritten"));
            case "jdk.SocketRead" -> socketRead += Math.max(0, event.getLong("bytesRead"));
            case "jdk.SocketWrite" -> socketWrite += Math.max(0, event.getLong("bytesWritten"));
            default -> {
                // other events are in the recording for whoever opens it in JDK Mission Control
            }
        }
    }

    Profile.Summary summary() {
        List<Profile.Entry> hot = methods.entrySet().stream()
                .map(e -> new Profile.Entry(e.getKey(), e.getValue()[0], 0))
                .sorted(Comparator.comparingLong(Profile.Entry::count).reversed().thenComparing(Profile.Entry::name))
                .limit(TOP).toList();
        return new Profile.Summary(hot, top(allocations), gcPauses, gcPauseTotalMs, gcPauseMaxMs, top(monitors),
                fileRead, fileWrite, socketRead, socketWrite, events);
    }

    /** Sorted by the total (bytes, milliseconds), largest first. */
    private static List<Profile.Entry> top(Map<String, double[]> entries) {
        return entries.entrySet().stream()
                .map(e -> new Profile.Entry(e.getKey(), (long) e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingDouble(Profile.Entry::total).reversed().thenComparing(Profile.Entry::name))
                .limit(TOP).toList();
    }

    private static String topFrame(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return null;
        }
        RecordedFrame frame = stack.getFrames().get(0);
        RecordedMethod method = frame.getMethod();
        return method == null ? null : method.getType().getName() + "." + method.getName();
    }

    private static double millis(Duration duration) {
        return duration == null ? 0 : duration.toNanos() / 1e6;
    }

    /** A class name as Java spells it; JFR names arrays by descriptor ({@code [C}, {@code [Ljava.lang.String;}). */
    static String readable(String name) {
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return name;
        }
        String element = name.substring(dimensions);
        String type = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element;
        };
        return type + "[]".repeat(dimensions);
    }
}
