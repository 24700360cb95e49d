package org.fogcompute.profiler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.resources.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilerComponentTest {
    @TempDir
    Path data;
    private String karafData;
    /** The recordings' ends, run at once when {@code stopAtOnce}, never otherwise (a runtime killed meanwhile). */
    private final List<ScheduledFuture<?>> ends = new CopyOnWriteArrayList<>();
    private volatile boolean stopAtOnce = true;
    private final SharedScheduler lanes = name -> new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            ScheduledFuture<?> end = super.schedule(command, stopAtOnce ? 0 : 1, stopAtOnce ? unit : TimeUnit.DAYS);
            ends.add(end);
            return end;
        }
    };

    @BeforeEach
    void dataDirectory() {
        karafData = System.getProperty("karaf.data");
        System.setProperty("karaf.data", data.toString());
    }

    @AfterEach
    void restore() {
        if (karafData == null) {
            System.clearProperty("karaf.data");
        } else {
            System.setProperty("karaf.data", karafData);
        }
    }

    @Test
    void aRestartListsAFinishedRecordingWithItsSettingsAndRequester() throws Exception {
        ProfilerComponent first = new ProfilerComponent(lanes, config());
        Profile started = first.start(Duration.ofSeconds(1), "profile", "alice");
        ends.get(0).get(30, TimeUnit.SECONDS);
        assertThat(first.profile(started.id())).get().extracting(Profile::state).isEqualTo(Profile.State.DONE);
        first.deactivate();

        ProfilerComponent restarted = new ProfilerComponent(lanes, config());
        Profile listed = restarted.profile(started.id()).orElseThrow();
        assertThat(listed.state()).isEqualTo(Profile.State.DONE);
        assertThat(listed.settings()).isEqualTo("profile");
        assertThat(listed.requestedBy()).isEqualTo("alice");
        assertThat(listed.durationSeconds()).isEqualTo(1);
        assertThat(listed.summary()).isNotNull();
        assertThat(Files.getPosixFilePermissions(data.resolve("profiles").resolve(started.id() + ".properties")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        restarted.deactivate();
    }

    @Test
    void aRecordingTheRuntimeDidNotLiveToFinishIsListedAsFailedNotAsDone() throws Exception {
        stopAtOnce = false;
        ProfilerComponent killed = new ProfilerComponent(lanes, config());
        Profile started = killed.start(Duration.ofSeconds(60), "default", "bob");

        // a new runtime on the same data directory, the first one never having stopped the recording (kill -9)
        ProfilerComponent next = new ProfilerComponent(lanes, config());
        Profile listed = next.profile(started.id()).orElseThrow();
        assertThat(listed.state()).isEqualTo(Profile.State.FAILED);
        assertThat(listed.problem()).contains("stopped while it recorded");
        assertThat(listed.requestedBy()).isEqualTo("bob");
        assertThat(next.recording(started.id())).isEmpty();
        killed.deactivate();
        next.deactivate();
    }

    private static ProfilerComponent.Config config() {
        return new ProfilerComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ProfilerComponent.Config.class;
            }

            @Override
            public long max_duration_seconds() {
                return 600;
            }

            @Override
            public int retention_count() {
                return 10;
            }
        };
    }
}
