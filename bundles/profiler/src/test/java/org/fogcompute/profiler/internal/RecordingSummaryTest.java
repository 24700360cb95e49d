package org.fogcompute.profiler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.fogcompute.api.resources.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingSummaryTest {
    private static volatile Object sink;

    /** Work the summary must find: a hot loop, allocations of a class of its own, file writes. */
    private static final class Allocated {
        final long[] payload = new long[64];
    }

    private static long spin(long rounds) {
        long x = 1;
        for (long i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    @Test
    void aRecordingMadeHereIsSummarisedWithItsHotMethodsAllocationsAndIo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("test.jfr");
        Path written = dir.resolve("written.bin");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            // JFR records I/O slower than the settings' threshold (10 ms): here every write is
            recording.enable("jdk.FileWrite").withThreshold(java.time.Duration.ZERO);
            recording.start();
            long until = System.nanoTime() + 1_500_000_000L;
            List<Allocated> kept = new ArrayList<>();
            while (System.nanoTime() < until) {
                sink = spin(200_000);
                for (int i = 0; i < 1000; i++) {
                    kept.add(new Allocated());
                }
                if (kept.size() > 100_000) {
                    kept.clear();
                }
                Files.write(written, new byte[64 * 1024]);
            }
            recording.stop();
            recording.dump(file);
        }

        Profile.Summary summary = RecordingSummary.of(file);
        assertThat(summary.events()).isPositive();
        assertThat(summary.hotMethods()).isNotEmpty();
        assertThat(summary.hotMethods()).extracting(Profile.Entry::name)
                .anyMatch(name -> name.endsWith("RecordingSummaryTest.spin"));
        assertThat(summary.hotMethods()).isSortedAccordingTo((a, b) -> Long.compare(b.count(), a.count()));
        assertThat(summary.allocationsByClass()).extracting(Profile.Entry::name)
                .anyMatch(name -> name.contains("Allocated") || name.equals("long[]") || name.contains("[J"));
        assertThat(summary.allocationsByClass()).isSortedAccordingTo((a, b) -> Double.compare(b.total(),
                a.total()));
        assertThat(summary.fileWriteBytes()).isPositive();
    }

    @Test
    void arrayClassesAreNamedAsJavaSpellsThem() {
        assertThat(RecordingSummary.readable("[C")).isEqualTo("char[]");
        assertThat(RecordingSummary.readable("[[J")).isEqualTo("long[][]");
        assertThat(RecordingSummary.readable("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
        assertThat(RecordingSummary.readable("java.util.HashMap$Node")).isEqualTo("java.util.HashMap$Node");
    }
}
