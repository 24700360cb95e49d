package org.fogcompute.api.pools;

import java.util.concurrent.ScheduledExecutorService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's one scheduler: a fog service asks for a named lane instead of starting a thread of its own. The tasks
 * of one lane run one at a time in the order they became due (what a private single-thread executor gave), on threads
 * shared by every lane; a periodic task that is still waiting or running when it is due again is not queued twice.
 * {@code shutdownNow()} on a lane cancels that lane's tasks only and interrupts its running one; a service calls it when
 * it deactivates.
 */
@ProviderType
@FunctionalInterface
public interface SharedScheduler {

    /** A new lane named {@code name} (short, fixed per service: it is a label in the pool view and the metrics). */
    ScheduledExecutorService lane(String name);
}
