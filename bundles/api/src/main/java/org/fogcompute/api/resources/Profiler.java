package org.fogcompute.api.resources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** On-demand JDK Flight Recorder recordings of the runtime, one at a time, kept with a retention limit. */
@ProviderType
public interface Profiler {

    /**
     * Starts a recording that stops by itself after {@code duration} and is then summarised.
     *
     * @throws org.fogcompute.api.ConflictException   while another recording runs
     * @throws org.fogcompute.api.ValidationException a duration out of range or unknown settings
     */
    Profile start(Duration duration, String settings, String requestedBy);

    Optional<Profile> profile(String id);

    /** Every kept profile, newest first. */
    List<Profile> profiles();

    /** The recording's {@code .jfr} file, once it is done. */
    Optional<Path> recording(String id);
}
