package org.fogcompute.api.privacy;

import org.osgi.annotation.versioning.ProviderType;

/** Where the privacy policy attaches its {@link TaskPaths}; provided by the coordinator. */
@ProviderType
public interface TaskPathsRegistry {

    /** From now on, tasks that need onion routing are placed with a circuit from these paths. */
    void attach(TaskPaths paths);

    /** Stops using these paths (unless others replaced them meanwhile): such tasks are placed as without onion. */
    void detach(TaskPaths paths);

    /** The relays changed (one joined, came back or left): tasks waiting for a privacy path are tried again. */
    void relaysChanged();
}
