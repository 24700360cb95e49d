package org.fogcompute.api.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One namespace of the cache. Values are stored as JSON, so any type Jackson can write and read back (records,
 * strings, numbers, lists) may be cached; keys are 1..256 characters. No read returns a value after its time to
 * live, whichever level serves it. No operation throws because the shared level (Redis) is unreachable: the cache
 * then serves from memory and counts the error.
 */
@ProviderType
public interface FogCache {
    String namespace();

    <T> Optional<T> get(String key, Class<T> type);

    /** Stores with the namespace's default time to live [300 s]. */
    void put(String key, Object value);

    void put(String key, Object value, Duration ttl);

    void delete(String key);

    /** The keys found, in one round trip to Redis for those not in memory. */
    <T> Map<String, T> getAll(Collection<String> keys, Class<T> type);

    void putAll(Map<String, ?> values, Duration ttl);

    void deleteAll(Collection<String> keys);

    /**
     * The cached value, or the loader's, stored for {@code ttl}. Concurrent callers for the same missing key wait
     * for one load in this process; across processes sharing the Redis, a lock lets one of them load. A loader
     * returning null caches nothing and yields empty.
     */
    <T> Optional<T> getOrLoad(String key, Class<T> type, Duration ttl, Supplier<? extends T> loader);

    /**
     * Evicts {@code key} whenever {@code event} is published, here and in every runtime connected to the same Redis.
     * A subscription ends when its key expires or is deleted.
     */
    void subscribe(String event, String key);

    /** Removes every key of this namespace, at both levels; other namespaces and other Redis keys stay. */
    void clear();

    CacheStats stats();
}
