package org.fogcompute.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory level of one namespace: Caffeine, bounded by size (W-TinyLFU), each entry expiring at its own
 * absolute time. Holds the decoded value beside its encoded form, so a hit of the type it was stored as costs no decoding.
 */
final class MemoryLevel {
    /** The decoded value and its envelope (expiry and JSON, as stored in Redis). */
    record Entry(Object value, byte[] envelope, long expiresAtMillis) {
    }

    /** Under memory pressure a level keeps a tenth of its entries (values stay in Redis, when there is one). */
    static final int SHRINK_FACTOR = 10;

    private final Cache<String, Entry> entries;
    private final TimeSource time;
    private final int maxEntries;

    MemoryLevel(int maxEntries, TimeSource time) {
        this.time = time;
        this.maxEntries = maxEntries;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).ticker(time::nanoTime)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long currentTime) {
                        return remainingNanos(entry);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                        return remainingNanos(entry);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                }).build();
    }

    private long remainingNanos(Entry entry) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, entry.expiresAtMillis() - time.currentTimeMillis()));
    }

    /** The live entry, never one past its expiry (checked against the wall clock as well as by Caffeine). */
    Entry get(String key) {
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.expiresAtMillis() <= time.currentTimeMillis()) {
            entries.invalidate(key);
            return null;
        }
        return entry;
    }

    Map<String, Entry> getAll(Collection<String> keys) {
        Map<String, Entry> found = new java.util.HashMap<>(entries.getAllPresent(keys));
        long now = time.currentTimeMillis();
        found.values().removeIf(entry -> entry.expiresAtMillis() <= now);
        return found;
    }

    void put(String key, Entry entry) {
        if (entry.expiresAtMillis() > time.currentTimeMillis()) {
            entries.put(key, entry);
        }
    }

    void invalidate(String key) {
        entries.invalidate(key);
    }

    void invalidateAll(Collection<String> keys) {
        entries.invalidateAll(keys);
    }

    void clear() {
        entries.invalidateAll();
    }

    /** Bounds the level to a tenth of its size while memory is short, and back; Caffeine evicts down at once. */
    void shrink(boolean shrunk) {
        entries.policy().eviction().ifPresent(eviction -> eviction.setMaximum(shrunk
                ? Math.max(1, maxEntries / SHRINK_FACTOR) : maxEntries));
        entries.cleanUp();
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
