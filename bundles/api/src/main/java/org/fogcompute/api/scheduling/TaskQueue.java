package org.fogcompute.api.scheduling;

import org.osgi.annotation.versioning.ProviderType;

/** What an operator can see of the scheduling queue. */
@ProviderType
public interface TaskQueue {
    QueueStats stats();

    /** Makes every parked task ready for an attempt now, as the periodic flush does; returns how many. */
    int flush();
}
