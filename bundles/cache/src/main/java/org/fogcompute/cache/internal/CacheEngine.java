package org.fogcompute.cache.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.cache.CacheStats;
import org.fogcompute.api.cache.FogCache;
import org.fogcompute.api.pools.PoolStats;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.cache.internal.Subscriptions.CacheKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache service: namespaces, the optional Redis level, event subscriptions and the invalidation messages
 * exchanged with other runtimes on the same Redis ({@code origin|K|namespace|key}, {@code origin|C|namespace|},
 * {@code origin|E||event}). Messages are handled on a thread of its own, never on Lettuce's event loop.
 */
final class CacheEngine implements CacheService, AutoCloseable {
    static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(CacheEngine.class);

    /** Plain settings, so that tests and benchmarks need no OSGi configuration. */
    record Options(String redisUri, int memoryMaxEntries, Duration defaultTtl, Duration redisTimeout,
                   long redisRetryMillis, long lockTtlMillis, long lockWaitMillis, int maxSubscriptions) {
        static Options of(CacheSettings settings) {
            return new Options(settings.redis_uri().trim(), settings.memory_max_entries(),
                    Duration.ofSeconds(settings.default_ttl_seconds()),
                    Duration.ofMillis(settings.redis_timeout_millis()), settings.redis_retry_millis(),
                    settings.lock_ttl_millis(), settings.lock_wait_millis(), settings.max_subscriptions());
        }

        static Options memoryOnly() {
            return new Options("", 5000, Duration.ofSeconds(300), Duration.ofMillis(500), 2000, 5000, 5000, 100_000);
        }

        Options withRedis(String uri) {
            return new Options(uri, memoryMaxEntries, defaultTtl, redisTimeout, redisRetryMillis, lockTtlMillis,
                    lockWaitMillis, maxSubscriptions);
        }

        Options withRedisTimeout(Duration timeout) {
            return new Options(redisUri, memoryMaxEntries, defaultTtl, timeout, redisRetryMillis, lockTtlMillis,
                    lockWaitMillis, maxSubscriptions);
        }
    }

    private final Options options;
    private final TimeSource time;
    private final ValueCodec codec = new ValueCodec();
    private final Map<String, TwoLevelCache> namespaces = new ConcurrentHashMap<>();
    private final Subscriptions subscriptions;
    private final String origin = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService messages;
    private final RedisLevel redis;

    /** Standalone (tests, benchmarks): a thread of its own per lane. */
    CacheEngine(Options options, TimeSource time) {
        this(options, time, name -> Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fog-" + name);
            thread.setDaemon(true);
            return thread;
        }));
    }

    CacheEngine(Options options, TimeSource time, SharedScheduler lanes) {
        if (options.memoryMaxEntries() <= 0 || options.defaultTtl().isNegative() || options.defaultTtl().isZero()) {
            throw new IllegalArgumentException("memory.max.entries and default.ttl.seconds must be positive");
        }
        this.options = options;
        this.time = time;
        this.subscriptions = new Subscriptions(options.maxSubscriptions(), time);
        this.scheduler = lanes.lane("cache");
        this.messages = lanes.lane("cache-invalidation");
        scheduler.scheduleWithFixedDelay(subscriptions::sweep, 30, 30, TimeUnit.SECONDS);
        this.redis = options.redisUri().isEmpty() ? null : new RedisLevel(options.redisUri(),
                options.redisTimeout(), options.redisRetryMillis(), scheduler,
                message -> messages.execute(() -> receive(message)));
    }

    @Override
    public FogCache namespace(String name) {
        if (name == null || !NAMESPACE.matcher(name).matches()) {
            throw new IllegalArgumentException("namespace must be 1..64 characters of [A-Za-z0-9._-], got " + name);
        }
        return namespaces.computeIfAbsent(name, n -> {
            TwoLevelCache cache = new TwoLevelCache(n, this, options.memoryMaxEntries());
            if (memoryShrunk) {
                cache.memory().shrink(true);
            }
            return cache;
        });
    }

    /** Whether the memory levels are shrunk (memory pressure HIGH or CRITICAL). */
    private volatile boolean memoryShrunk;

    /** Shrinks every namespace's memory level to a tenth while memory is short, and lets them grow back after. */
    void shrinkMemory(boolean shrunk) {
        memoryShrunk = shrunk;
        namespaces.values().forEach(cache -> cache.memory().shrink(shrunk));
    }

    @Override
    public Optional<FogCache> existing(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    @Override
    public List<CacheStats> stats() {
        List<CacheStats> all = new ArrayList<>();
        namespaces.values().forEach(cache -> all.add(cache.stats()));
        all.sort(Comparator.comparing(CacheStats::namespace));
        return all;
    }

    @Override
    public void publish(String event) {
        evictSubscribers(event);
        announce("E", "", event);
    }

    private void evictSubscribers(String event) {
        for (CacheKey key : subscriptions.take(event)) {
            TwoLevelCache cache = namespaces.get(key.namespace());
            if (cache != null) {
                cache.evict(key.key());
            }
        }
    }

    /** The Redis connections, when Redis is configured. */
    List<PoolStats> pools(String owner) {
        return redis == null ? List.of() : List.of(redis.pool(owner));
    }

    @Override
    public SharedLevel sharedLevel() {
        return new SharedLevel(redis != null, redis != null && redis.connected(),
                redis == null ? "" : redis.redacted());
    }

    /**
     * Redis when configured, else null (memory only, nothing counted). While it is away its commands fail at once,
     * and every read or write that would have used it counts an error.
     */
    RedisLevel redis() {
        return redis;
    }

    void announceKeyChange(String namespace, String key) {
        announce("K", namespace, key);
    }

    void announceClear(String namespace) {
        announce("C", namespace, "");
    }

    private void announce(String type, String namespace, String subject) {
        if (redis == null || !redis.connected()) {
            return;
        }
        try {
            redis.publish(origin + "|" + type + "|" + namespace + "|" + subject);
        } catch (RuntimeException unavailable) {
            TwoLevelCache cache = namespaces.get(namespace);
            if (cache != null) {
                cache.countError();
            }
        }
    }

    /** A message from the channel; our own are skipped. */
    void receive(String message) {
        String[] parts = message.split("\\|", 4);
        if (parts.length < 4 || parts[0].equals(origin)) {
            return;
        }
        switch (parts[1]) {
            case "K" -> {
                TwoLevelCache cache = namespaces.get(parts[2]);
                if (cache != null) {
                    cache.forgetLocally(parts[3]);
                }
            }
            case "C" -> {
                TwoLevelCache cache = namespaces.get(parts[2]);
                if (cache != null) {
                    cache.forgetLocally(null);
                }
                subscriptions.removeNamespace(parts[2]);
            }
            case "E" -> evictSubscribers(parts[3]);
            default -> LOG.debug("Ignoring cache message of unknown type {}", parts[1]);
        }
    }

    TimeSource time() {
        return time;
    }

    ValueCodec codec() {
        return codec;
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    Duration defaultTtl() {
        return options.defaultTtl();
    }

    long lockTtlMillis() {
        return options.lockTtlMillis();
    }

    long lockWaitMillis() {
        return options.lockWaitMillis();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
        scheduler.shutdownNow();
        messages.shutdownNow();
    }
}
