package org.fogcompute.profiler.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.resources.Profile;
import org.fogcompute.api.resources.Profiler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-demand JDK Flight Recorder recordings of the runtime ({@code jdk.jfr}, which Karaf exports): one at a time, for
 * a bounded duration, written to {@code data/profiles} (readable by the runtime's user only: stacks and class names say
 * much about a system) and summarised when done; the oldest beyond the retention are deleted. Recordings of an earlier
 * run are listed again at start and summarised when asked for.
 */
@Component(service = Profiler.class, configurationPid = ProfilerComponent.PID,
        property = {"fog.service.name=profiler", "fog.service.critical=false"})
@Designate(ocd = ProfilerComponent.Config.class)
public class ProfilerComponent implements Profiler {
    static final String PID = "org.fogcompute.profiler";
    private static final Logger LOG = LoggerFactory.getLogger(ProfilerComponent.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'profile-'yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @ObjectClassDefinition(name = "Fog profiler", description = "JDK Flight Recorder recordings on demand")
    public @interface Config {
        @AttributeDefinition(name = "Longest recording (s)")
        long max_duration_seconds() default 600;

        @AttributeDefinition(name = "Recordings kept", description = "The oldest beyond this are deleted")
        int retention_count() default 10;
    }

    private static final String STOPPED = "the runtime stopped while it recorded";

    private final Path directory;
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;
    private volatile Config config;
    private Recording running;

    @Activate
    public ProfilerComponent(@Reference SharedScheduler scheduler, Config config) {
        this.worker = scheduler.lane("profiler");
        this.config = config;
        this.directory = Paths.get(System.getProperty("karaf.data", "data"), "profiles");
        try {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jfr")).forEach(this::listEarlier);
            }
        } catch (IOException e) {
            LOG.warn("Profiles directory {} not usable: {}", directory, e.toString());
        }
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    @Deactivate
    synchronized void deactivate() {
        if (running != null) {
            running.close();
            profiles.values().stream().filter(p -> p.state() == Profile.State.RECORDING).findFirst()
                    .ifPresent(p -> remember(failed(p, STOPPED)));
        }
        worker.shutdownNow();
    }

    private void listEarlier(Path file) {
        String id = file.getFileName().toString().replaceFirst("\\.jfr$", "");
        try {
            Instant started = Instant.from(ID.parse(id));
            Profile profile = new Profile(id, Profile.State.DONE, started, 0, "?", "?", Files.size(file), null, null);
            Path about = directory.resolve(id + ".properties");
            if (Files.isRegularFile(about)) {
                Properties kept = new Properties();
                try (Reader reader = Files.newBufferedReader(about, StandardCharsets.UTF_8)) {
                    kept.load(reader);
                }
                Profile.State state = Profile.State.valueOf(kept.getProperty("state", "DONE"));
                profile = new Profile(id, state, started, Long.parseLong(kept.getProperty("duration.seconds", "0")),
                        kept.getProperty("settings", "?"), kept.getProperty("requested.by", "?"), Files.size(file),
                        null, kept.getProperty("problem"));
                if (state == Profile.State.RECORDING) {
                    // the runtime stopped (or was killed) while it recorded: what JFR wrote is not a whole recording
                    profile = remember(failed(profile, STOPPED));
                }
            }
            profiles.put(id, profile);
        } catch (RuntimeException | IOException notOurs) {
            LOG.debug("{} is not a profile of this runtime: {}", file, notOurs.toString());
        }
    }

    private static Profile failed(Profile profile, String problem) {
        return new Profile(profile.id(), Profile.State.FAILED, profile.startedAt(), profile.durationSeconds(),
                profile.settings(), profile.requestedBy(), 0, null, problem);
    }

    /**
     * Keeps what the recording itself does not say (state, settings, who asked for it) next to it, so that a restart
     * lists it as it was; returns the profile.
     */
    private Profile remember(Profile profile) {
        Properties about = new Properties();
        about.setProperty("state", profile.state().name());
        about.setProperty("duration.seconds", Long.toString(profile.durationSeconds()));
        about.setProperty("settings", profile.settings());
        about.setProperty("requested.by", profile.requestedBy() == null ? "?" : profile.requestedBy());
        if (profile.problem() != null) {
            about.setProperty("problem", profile.problem());
        }
        Path file = directory.resolve(profile.id() + ".properties");
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
                restrict(file, "rw-------");
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                about.store(writer, "fog-compute profile " + profile.id());
            }
        } catch (IOException e) {
            LOG.warn("Profile {}: what it is about not kept ({}); a restart lists it without settings and requester",
                    profile.id(), e.toString());
        }
        return profile;
    }

    @Override
    public synchronized Profile start(Duration duration, String settings, String requestedBy) {
        long max = Math.max(1, config.max_duration_seconds());
        if (duration == null || duration.getSeconds() < 1 || duration.getSeconds() > max) {
            throw new ValidationException("durationSeconds", "a recording lasts 1.." + max + " s, got "
                    + (duration == null ? "nothing" : duration.getSeconds() + " s"));
        }
        String name = settings == null || settings.isBlank() ? "default" : settings;
        if (!name.equals("default") && !name.equals("profile")) {
            throw new ValidationException("settings", "settings are 'default' or 'profile' (more detail), got '"
                    + name + "'");
        }
        if (running != null) {
            throw new ConflictException("a recording is running until it stops by itself; one at a time");
        }
        Instant now = Instant.now();
        String id = ID.format(now);
        if (profiles.containsKey(id)) {
            throw new ConflictException("a recording was started this second; retry in a second");
        }
        Path file = directory.resolve(id + ".jfr");
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration(name));
            recording.setName("fog " + id);
            recording.setToDisk(true);
            Files.deleteIfExists(file);
            Files.createFile(file);
            restrict(file, "rw-------");
            recording.setDestination(file);
            recording.start();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalStateException("the recording did not start: " + e.getMessage(), e);
        }
        running = recording;
        Profile profile = new Profile(id, Profile.State.RECORDING, now, duration.getSeconds(), name, requestedBy, 0,
                null, null);
        profiles.put(id, remember(profile));
        LOG.info("Profile {} started by {} for {} s ({} settings)", id, requestedBy, duration.getSeconds(), name);
        worker.schedule(() -> finish(profile, recording, file), duration.toMillis(), TimeUnit.MILLISECONDS);
        return profile;
    }

    /** Stops the recording (written to its file on stop), summarises it and applies the retention. */
    private void finish(Profile started, Recording recording, Path file) {
        Profile done;
        try {
            recording.stop();
            recording.close();
            done = new Profile(started.id(), Profile.State.DONE, started.startedAt(), started.durationSeconds(),
                    started.settings(), started.requestedBy(), Files.size(file), RecordingSummary.of(file), null);
            LOG.info("Profile {} done: {} events, {} KB", started.id(), done.summary().events(),
                    done.sizeBytes() / 1024);
        } catch (IOException | RuntimeException e) {
            done = new Profile(started.id(), Profile.State.FAILED, started.startedAt(), started.durationSeconds(),
                    started.settings(), started.requestedBy(), 0, null, e.toString());
            LOG.warn("Profile {} failed: {}", started.id(), e.toString());
        }
        profiles.put(done.id(), remember(done));
        synchronized (this) {
            running = null;
        }
        applyRetention();
    }

    private void applyRetention() {
        List<Profile> kept = profiles();
        int keep = Math.max(1, config.retention_count());
        for (Profile old : kept.subList(Math.min(keep, kept.size()), kept.size())) {
            if (old.state() != Profile.State.RECORDING) {
                profiles.remove(old.id());
                try {
                    Files.deleteIfExists(directory.resolve(old.id() + ".jfr"));
                    Files.deleteIfExists(directory.resolve(old.id() + ".properties"));
                } catch (IOException e) {
                    LOG.warn("Profile {} not deleted: {}", old.id(), e.toString());
                }
            }
        }
    }

    /** A profile listed from an earlier run is summarised when it is first asked for. */
    @Override
    public Optional<Profile> profile(String id) {
        Profile profile = profiles.get(id);
        if (profile != null && profile.state() == Profile.State.DONE && profile.summary() == null) {
            try {
                Profile read = new Profile(profile.id(), profile.state(), profile.startedAt(),
                        profile.durationSeconds(), profile.settings(), profile.requestedBy(), profile.sizeBytes(),
                        RecordingSummary.of(directory.resolve(id + ".jfr")), null);
                profiles.put(id, read);
                return Optional.of(read);
            } catch (IOException e) {
                return Optional.of(new Profile(profile.id(), Profile.State.FAILED, profile.startedAt(), 0,
                        profile.settings(), profile.requestedBy(), 0, null, "not readable: " + e.getMessage()));
            }
        }
        return Optional.ofNullable(profile);
    }

    @Override
    public List<Profile> profiles() {
        return profiles.values().stream().sorted(Comparator.comparing(Profile::startedAt).reversed()).toList();
    }

    @Override
    public Optional<Path> recording(String id) {
        Profile profile = profiles.get(id);
        return profile == null || profile.state() != Profile.State.DONE ? Optional.empty()
                : Optional.of(directory.resolve(id + ".jfr")).filter(Files::isRegularFile);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }
}
