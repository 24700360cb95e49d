package org.fogcompute.cache.internal;

/** Wall-clock milliseconds (absolute expiry, shared between processes) and a monotonic ticker for Caffeine. */
interface TimeSource {
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    long nanoTime();

    long currentTimeMillis();
}
