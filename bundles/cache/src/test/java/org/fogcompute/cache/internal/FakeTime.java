package org.fogcompute.cache.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Time the test moves: wall clock and ticker advance together. */
final class FakeTime implements TimeSource {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong millis = new AtomicLong(1_795_000_000_000L);

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long currentTimeMillis() {
        return millis.get();
    }
}
