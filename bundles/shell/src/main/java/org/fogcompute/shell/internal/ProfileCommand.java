package org.fogcompute.shell.internal;

import java.time.Duration;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.fogcompute.api.resources.Profile;
import org.fogcompute.api.resources.Profiler;

@Service
@Command(scope = "fog", name = "profile", description = "Record the runtime with JDK Flight Recorder, then show where "
        + "the time goes, what allocates, GC pauses, contended monitors and I/O (the .jfr is kept in data/profiles)")
public class ProfileCommand extends FogAction {
    @Reference(optional = true)
    Profiler profiler;

    @Reference
    Session session;

    @Option(name = "--duration", description = "How long: 30s, 2m ... (default 30s)")
    String duration = "30s";

    @Option(name = "--settings", description = "default, or profile (more detail); either slows the runtime while "
            + "it records (benchmarks/RESULTS.md)")
    String settings = "default";

    @Option(name = "--no-wait", description = "Start it and return; fog:profile-list shows it when done")
    boolean noWait;

    @Override
    protected Object run() {
        Duration length = parse(duration);
        Object user = session.get("USER");
        Profile profile = profiler.start(length, settings, user == null ? "shell" : user.toString());
        System.out.println("Recording " + profile.id() + " for " + length.getSeconds() + " s ...");
        if (noWait) {
            return null;
        }
        try {
            Thread.sleep(length.toMillis());
            for (int i = 0; i < 600 && profiler.profile(profile.id()).map(p -> p.state() == Profile.State.RECORDING)
                    .orElse(false); i++) {
                Thread.sleep(100); // the summary follows the stop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.out.println("Still recording; fog:profile-list shows it when done.");
            return null;
        }
        Profile done = profiler.profile(profile.id()).orElseThrow();
        if (done.summary() == null) {
            System.out.println("Profile " + done.id() + ": " + done.state() + (done.problem() == null ? ""
                    : " (" + done.problem() + ")"));
            return null;
        }
        Profile.Summary s = done.summary();
        System.out.println("Hot methods (samples):");
        s.hotMethods().stream().limit(10).forEach(e -> System.out.printf("  %6d  %s%n", e.count(), e.name()));
        System.out.println("Allocation by class (sampled MB):");
        s.allocationsByClass().stream().limit(10).forEach(e -> System.out.printf("  %8.1f  %s%n",
                e.total() / 1_048_576, e.name()));
        System.out.printf("GC pauses: %d, %.1f ms in all, longest %.1f ms%n", s.gcPauses(), s.gcPauseTotalMs(),
                s.gcPauseMaxMs());
        System.out.println("Contended monitors (ms):");
        s.lockContention().stream().limit(5).forEach(e -> System.out.printf("  %8.1f  %s (%d)%n", e.total(),
                e.name(), e.count()));
        System.out.printf("I/O: files read %d KB, written %d KB; sockets read %d KB, written %d KB%n",
                s.fileReadBytes() / 1024, s.fileWriteBytes() / 1024, s.socketReadBytes() / 1024,
                s.socketWriteBytes() / 1024);
        System.out.println("Recording: data/profiles/" + done.id() + ".jfr (GET /api/profiles/" + done.id()
                + "/recording)");
        return null;
    }

    static Duration parse(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1)
                    : value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--duration is a number of seconds or minutes: 30s, 2m; got '" + text
                    + "'");
        }
    }
}
