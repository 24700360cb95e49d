package org.fogcompute.rest.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.pools.SharedScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Turns registry changes (nodes registered, removed, changing status) into the cache event {@value #EVENT}, which
 * evicts the cached fleet views here and in the other runtimes. Changes arrive by the thousand per second under
 * load; they are coalesced into at most one event per {@value #COALESCE_MILLIS} ms.
 */
// topics as a plain property: the @EventTopics annotation would require an osgi.implementation capability that
// Karaf's Event Admin does not declare
@Component(property = EventConstants.EVENT_TOPIC + "=fog/node/*")
public final class FleetCacheInvalidator implements EventHandler {
    static final String EVENT = "fleet-changed";
    static final long COALESCE_MILLIS = 100;

    private final CacheService cache;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService timer;

    @Activate
    public FleetCacheInvalidator(@Reference SharedScheduler scheduler, @Reference CacheService cache) {
        this.timer = scheduler.lane("fleet-cache-invalidator");
        this.cache = cache;
        // the namespace exists from the start, so that fog:cache-stats lists it and fog:cache-clear finds it before
        // the first topology read
        cache.namespace(FleetResource.NAMESPACE);
        timer.scheduleWithFixedDelay(this::flush, COALESCE_MILLIS, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handleEvent(Event event) {
        changed.set(true);
    }

    private void flush() {
        if (changed.getAndSet(false)) {
            cache.publish(EVENT);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
