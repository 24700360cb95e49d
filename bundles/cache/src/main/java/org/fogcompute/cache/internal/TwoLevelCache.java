package org.fogcompute.cache.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.fogcompute.api.cache.CacheStats;
import org.fogcompute.api.cache.FogCache;
import org.fogcompute.cache.internal.MemoryLevel.Entry;
import org.fogcompute.cache.internal.Subscriptions.CacheKey;

/**
 * One namespace over both levels. Reads try memory, then Redis (filling memory with the remaining time to live);
 * writes go to both and tell the other runtimes to drop their memory copy. A Redis failure is counted and
 * otherwise treated as a miss, so callers never see it.
 */
final class TwoLevelCache implements FogCache {
    static final int MAX_KEY_LENGTH = 256;
    static final Duration MAX_TTL = Duration.ofDays(30);

    private final String namespace;
    private final String prefix;
    private final CacheEngine engine;
    private final MemoryLevel memory;
    private final NamespaceStats stats = new NamespaceStats();
    private final Map<String, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();

    TwoLevelCache(String namespace, CacheEngine engine, int maxEntries) {
        this.namespace = namespace;
        this.prefix = "cache:" + namespace + ":";
        this.engine = engine;
        this.memory = new MemoryLevel(maxEntries, engine.time());
    }

    @Override
    public String namespace() {
        return namespace;
    }

    String redisKey(String key) {
        return prefix + key;
    }

    MemoryLevel memory() {
        return memory;
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        checkKey(key);
        long started = NamespaceStats.sampled() ? System.nanoTime() : 0;
        try {
            Entry entry = memory.get(key);
            if (entry != null) {
                stats.memoryHits.increment();
                return Optional.of(value(entry, type));
            }
            RedisLevel redis = engine.redis();
            if (redis != null) {
                try {
                    byte[] stored = redis.get(redisKey(key));
                    if (stored != null) {
                        Entry shared = fromRedis(stored, type);
                        if (shared != null) {
                            memory.put(key, shared);
                            stats.sharedHits.increment();
                            return Optional.of(type.cast(shared.value()));
                        }
                    }
                } catch (RuntimeException unavailable) {
                    stats.errors.increment();
                }
            }
            stats.misses.increment();
            return Optional.empty();
        } finally {
            if (started != 0) {
                stats.recordRead(System.nanoTime() - started);
            }
        }
    }

    private <T> T value(Entry entry, Class<T> type) {
        if (type.isInstance(entry.value())) {
            return type.cast(entry.value());
        }
        return engine.codec().read(entry.envelope(), type);
    }

    private <T> Entry fromRedis(byte[] stored, Class<T> type) {
        long expiresAt = ValueCodec.expiresAt(stored);
        if (expiresAt <= engine.time().currentTimeMillis()) {
            return null;
        }
        return new Entry(engine.codec().read(stored, type), stored, expiresAt);
    }

    @Override
    public void put(String key, Object value) {
        put(key, value, engine.defaultTtl());
    }

    @Override
    public void put(String key, Object value, Duration ttl) {
        checkKey(key);
        Entry entry = entry(value, ttl);
        memory.put(key, entry);
        RedisLevel redis = engine.redis();
        if (redis != null) {
            try {
                redis.set(redisKey(key), entry.envelope(), ttl.toMillis());
            } catch (RuntimeException unavailable) {
                stats.errors.increment();
            }
        }
        engine.announceKeyChange(namespace, key);
    }

    private Entry entry(Object value, Duration ttl) {
        if (value == null) {
            throw new IllegalArgumentException("null cannot be cached");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("time to live must be within 1 ms .. 30 days, got " + ttl);
        }
        long expiresAt = engine.time().currentTimeMillis() + ttl.toMillis();
        return new Entry(value, engine.codec().envelope(expiresAt, value), expiresAt);
    }

    @Override
    public void delete(String key) {
        checkKey(key);
        deleteAll(List.of(key));
    }

    /**
     * Memory first, the rest in one MGET. Values found in Redis are returned without being copied into memory:
     * filling the memory level cost a third of the whole call (measured, see RESULTS.md); single reads and all
     * writes still fill it.
     */
    @Override
    public <T> Map<String, T> getAll(Collection<String> keys, Class<T> type) {
        keys.forEach(TwoLevelCache::checkKey);
        long started = NamespaceStats.sampled() ? System.nanoTime() : 0;
        Map<String, T> found = new LinkedHashMap<>();
        Map<String, Entry> inMemory = memory.getAll(keys);
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Entry entry = inMemory.get(key);
            if (entry != null) {
                found.put(key, value(entry, type));
                stats.memoryHits.increment();
            } else if (!found.containsKey(key)) {
                missing.add(key);
            }
        }
        int misses = missing.size();
        RedisLevel redis = engine.redis();
        if (!missing.isEmpty() && redis != null) {
            try {
                List<String> redisKeys = new ArrayList<>(missing.size());
                for (String key : missing) {
                    redisKeys.add(prefix + key);
                }
                List<byte[]> stored = redis.getAll(redisKeys);
                for (int i = 0; i < stored.size(); i++) {
                    byte[] bytes = stored.get(i);
                    Entry shared = bytes == null ? null : fromRedis(bytes, type);
                    if (shared != null) {
                        found.put(missing.get(i), type.cast(shared.value()));
                        misses--;
                    }
                }
                stats.sharedHits.add(missing.size() - misses);
            } catch (RuntimeException unavailable) {
                stats.errors.increment();
            }
        }
        stats.misses.add(misses);
        if (started != 0) {
            stats.recordRead(System.nanoTime() - started);
        }
        return found;
    }

    @Override
    public void putAll(Map<String, ?> values, Duration ttl) {
        values.keySet().forEach(TwoLevelCache::checkKey);
        Map<String, byte[]> shared = new HashMap<>();
        values.forEach((key, value) -> {
            Entry entry = entry(value, ttl);
            memory.put(key, entry);
            shared.put(redisKey(key), entry.envelope());
        });
        RedisLevel redis = engine.redis();
        if (redis != null && !shared.isEmpty()) {
            try {
                redis.setAll(shared, ttl.toMillis());
            } catch (RuntimeException unavailable) {
                stats.errors.increment();
            }
        }
        values.keySet().forEach(key -> engine.announceKeyChange(namespace, key));
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        keys.forEach(TwoLevelCache::checkKey);
        memory.invalidateAll(keys);
        RedisLevel redis = engine.redis();
        if (redis != null) {
            try {
                redis.delete(keys.stream().map(this::redisKey).toList());
            } catch (RuntimeException unavailable) {
                stats.errors.increment();
            }
        }
        for (String key : keys) {
            engine.subscriptions().remove(new CacheKey(namespace, key));
            engine.announceKeyChange(namespace, key);
        }
    }

    @Override
    public <T> Optional<T> getOrLoad(String key, Class<T> type, Duration ttl, Supplier<? extends T> loader) {
        Optional<T> cached = get(key, type);
        if (cached.isPresent()) {
            return cached;
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return Optional.ofNullable(running.join()).map(type::cast);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            // a load that finished between our miss and now left its value in memory
            Entry meanwhile = memory.get(key);
            T value = meanwhile != null ? value(meanwhile, type) : loadOnce(key, type, ttl, loader);
            mine.complete(value);
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /**
     * Loads with the cross-process lock when Redis is there: the holder loads and stores; the others wait for the
     * value to appear in Redis, and load themselves only if it does not within the wait limit.
     */
    private <T> T loadOnce(String key, Class<T> type, Duration ttl, Supplier<? extends T> loader) {
        RedisLevel redis = engine.redis();
        if (redis != null) {
            String lock = "lock:" + redisKey(key);
            String token = UUID.randomUUID().toString();
            boolean locked;
            try {
                locked = redis.tryLock(lock, token, engine.lockTtlMillis());
            } catch (RuntimeException unavailable) {
                stats.errors.increment();
                return load(key, ttl, loader);
            }
            if (locked) {
                try {
                    Optional<T> meanwhile = sharedOnly(redis, key, type);
                    return meanwhile.isPresent() ? meanwhile.get() : load(key, ttl, loader);
                } finally {
                    try {
                        redis.unlock(lock, token);
                    } catch (RuntimeException unavailable) {
                        stats.errors.increment();
                    }
                }
            }
            long deadline = System.nanoTime() + engine.lockWaitMillis() * 1_000_000;
            while (System.nanoTime() < deadline) {
                Optional<T> loadedElsewhere = sharedOnly(redis, key, type);
                if (loadedElsewhere.isPresent()) {
                    return loadedElsewhere.get();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return load(key, ttl, loader);
    }

    private <T> Optional<T> sharedOnly(RedisLevel redis, String key, Class<T> type) {
        try {
            byte[] stored = redis.get(redisKey(key));
            Entry shared = stored == null ? null : fromRedis(stored, type);
            if (shared == null) {
                return Optional.empty();
            }
            memory.put(key, shared);
            return Optional.of(type.cast(shared.value()));
        } catch (RuntimeException unavailable) {
            stats.errors.increment();
            return Optional.empty();
        }
    }

    private <T> T load(String key, Duration ttl, Supplier<? extends T> loader) {
        stats.loads.increment();
        T value = loader.get();
        if (value != null) {
            put(key, value, ttl);
        }
        return value;
    }

    @Override
    public void subscribe(String event, String key) {
        checkKey(key);
        if (event == null || event.isEmpty() || event.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("event must be 1.." + MAX_KEY_LENGTH + " characters");
        }
        Entry entry = memory.get(key);
        long until = entry != null ? entry.expiresAtMillis()
                : engine.time().currentTimeMillis() + engine.defaultTtl().toMillis();
        if (!engine.subscriptions().add(event, new CacheKey(namespace, key), until)) {
            stats.errors.increment();
        }
    }

    @Override
    public void clear() {
        memory.clear();
        engine.subscriptions().removeNamespace(namespace);
        RedisLevel redis = engine.redis();
        if (redis != null) {
            try {
                redis.deleteMatching(prefix + "*");
            } catch (RuntimeException unavailable) {
                stats.errors.increment();
            }
        }
        engine.announceClear(namespace);
    }

    /** Another runtime changed or cleared keys: drop the memory copies only. */
    void forgetLocally(String key) {
        if (key == null) {
            memory.clear();
        } else {
            memory.invalidate(key);
        }
    }

    /** An event evicted the key: from memory and from Redis. */
    void evict(String key) {
        memory.invalidate(key);
        RedisLevel redis = engine.redis();
        if (redis != null) {
            try {
                redis.delete(List.of(redisKey(key)));
            } catch (RuntimeException unavailable) {
                stats.errors.increment();
            }
        }
    }

    void countError() {
        stats.errors.increment();
    }

    @Override
    public CacheStats stats() {
        return stats.snapshot(namespace, memory.size());
    }

    static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("cache keys must be 1.." + MAX_KEY_LENGTH + " characters");
        }
    }
}
