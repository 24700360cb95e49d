package org.fogcompute.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fogcompute.api.cache.FogCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both levels against the real Redis named by FOG_TEST_REDIS_URI. Two engines stand for two runtimes: each has
 * its own memory level, they share Redis. Namespaces are unique per test, so the database's other keys stay.
 */
class RedisCacheTest {
    private final FakeTime time = new FakeTime();
    private final List<CacheEngine> engines = new ArrayList<>();
    private String uri;
    private String namespace;
    private RedisClient rawClient;
    private StatefulRedisConnection<String, String> raw;

    @BeforeEach
    void connect() {
        uri = System.getenv("FOG_TEST_REDIS_URI");
        Assumptions.assumeTrue(uri != null && !uri.isBlank(), "FOG_TEST_REDIS_URI is not set: skipped");
        namespace = "t-" + UUID.randomUUID().toString().substring(0, 8);
        rawClient = RedisClient.create(uri);
        raw = rawClient.connect();
    }

    @AfterEach
    void close() {
        engines.forEach(CacheEngine::close);
        if (raw != null) {
            List<String> left = raw.sync().keys("cache:" + namespace + "*");
            if (!left.isEmpty()) {
                raw.sync().unlink(left.toArray(String[]::new));
            }
            raw.close();
            rawClient.shutdown();
        }
    }

    /**
     * An engine on the shared Redis. The production timeout (500 ms, fail fast) is raised: on a loaded machine a
     * command timing out would be counted and served from memory, which is right for the product but would make
     * these exact assertions about what reached Redis flaky.
     */
    private CacheEngine engine() {
        CacheEngine engine = new CacheEngine(CacheEngine.Options.memoryOnly().withRedis(uri)
                .withRedisTimeout(Duration.ofSeconds(5)), time);
        engines.add(engine);
        waitFor(() -> engine.sharedLevel().connected(), "engine connected to Redis");
        return engine;
    }

    @Test
    void noReadReturnsAValuePastItsTimeToLiveFromEitherLevel() {
        FogCache writer = engine().namespace(namespace);
        FogCache reader = engine().namespace(namespace);
        writer.put("k", "v", Duration.ofSeconds(2));
        long pttl = raw.sync().pttl("cache:" + namespace + ":k");
        assertThat(pttl).isBetween(1L, 2000L);
        assertThat(reader.get("k", String.class)).contains("v");
        assertThat(reader.stats().sharedHits()).isEqualTo(1);
        time.advance(Duration.ofSeconds(2));
        assertThat(writer.get("k", String.class)).as("memory level past its TTL").isEmpty();
        assertThat(reader.get("k", String.class)).as("memory level filled from Redis, past its TTL").isEmpty();
        assertThat(engine().namespace(namespace).get("k", String.class)).as("Redis copy past its TTL").isEmpty();
    }

    @Test
    void batchReadsAreOneRoundTripAndBatchWritesOnePipeline() {
        FogCache writer = engine().namespace(namespace);
        Map<String, Integer> values = new java.util.HashMap<>();
        for (int i = 0; i < 100; i++) {
            values.put("k" + i, i);
        }
        writer.putAll(values, Duration.ofMinutes(1));
        assertThat(raw.sync().exists(values.keySet().stream().map(k -> "cache:" + namespace + ":" + k)
                .toArray(String[]::new))).isEqualTo(100);
        FogCache reader = engine().namespace(namespace);
        long mgetsBefore = calls("mget");
        long getsBefore = calls("get");
        List<String> keys = new ArrayList<>(values.keySet());
        keys.add("absent");
        Map<String, Integer> found = reader.getAll(keys, Integer.class);
        assertThat(found).hasSize(100).containsEntry("k42", 42);
        assertThat(calls("mget") - mgetsBefore).isEqualTo(1);
        assertThat(calls("get") - getsBefore).isZero();
        reader.deleteAll(List.of("k1", "k2"));
        assertThat(raw.sync().exists("cache:" + namespace + ":k1", "cache:" + namespace + ":k2")).isZero();
    }

    @Test
    void aWriteInOneRuntimeDropsTheOtherRuntimesMemoryCopy() {
        FogCache a = engine().namespace(namespace);
        FogCache b = engine().namespace(namespace);
        a.put("k", "v1");
        assertThat(b.get("k", String.class)).contains("v1");
        a.put("k", "v2");
        waitFor(() -> b.get("k", String.class).orElse("").equals("v2"), "b sees v2");
        a.delete("k");
        waitFor(() -> b.get("k", String.class).isEmpty(), "b sees the delete");
    }

    @Test
    void anEventPublishedInOneRuntimeEvictsWhatAnotherSubscribed() {
        CacheEngine first = engine();
        CacheEngine second = engine();
        FogCache b = second.namespace(namespace);
        b.put("topology", "snapshot-1");
        b.subscribe("fleet-changed", "topology");
        FogCache a = first.namespace(namespace);
        // Redis pub/sub drops what is published before a subscriber listens: wait until b hears a's invalidations
        a.put("probe", "1");
        assertThat(b.get("probe", String.class)).contains("1");
        a.put("probe", "2");
        waitFor(() -> b.get("probe", String.class).orElse("").equals("2"), "b listens to a");
        first.publish("fleet-changed");
        waitFor(() -> b.get("topology", String.class).isEmpty(), "the subscribed key evicted in b");
        assertThat(raw.sync().exists("cache:" + namespace + ":topology")).isZero();
    }

    @Test
    void acrossRuntimesOnlyOneLoadsAMissingKey() throws Exception {
        List<FogCache> runtimes = List.of(engine().namespace(namespace), engine().namespace(namespace),
                engine().namespace(namespace));
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(runtimes.size());
        ExecutorService threads = Executors.newFixedThreadPool(runtimes.size());
        List<Future<String>> results = new ArrayList<>();
        for (FogCache runtime : runtimes) {
            results.add(threads.submit(() -> {
                started.countDown();
                started.await(10, TimeUnit.SECONDS);
                return runtime.getOrLoad("expensive", String.class, Duration.ofMinutes(1), () -> {
                    loads.incrementAndGet();
                    sleepQuietly(300);
                    return "value";
                }).orElseThrow();
            }));
        }
        for (Future<String> result : results) {
            assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo("value");
        }
        threads.shutdown();
        assertThat(loads).hasValue(1);
        assertThat(raw.sync().exists("lock:cache:" + namespace + ":expensive")).as("lock released").isZero();
    }

    @Test
    void clearingANamespaceLeavesOtherNamespacesAndForeignKeysAlone() {
        CacheEngine engine = engine();
        String otherNamespace = namespace + "-other";
        engine.namespace(namespace).put("a", 1);
        engine.namespace(namespace).put("b", 2);
        engine.namespace(otherNamespace).put("a", 3);
        String foreign = "foreign:" + namespace;
        raw.sync().set(foreign, "kept");
        try {
            engine.namespace(namespace).clear();
            assertThat(raw.sync().exists("cache:" + namespace + ":a", "cache:" + namespace + ":b")).isZero();
            assertThat(engine.namespace(namespace).get("a", Integer.class)).isEmpty();
            assertThat(engine.namespace(otherNamespace).get("a", Integer.class)).contains(3);
            assertThat(raw.sync().get(foreign)).isEqualTo("kept");
        } finally {
            raw.sync().del(foreign, "cache:" + otherNamespace + ":a");
        }
    }

    @Test
    void redisGoingAwayAndComingBackIsInvisibleToCallers() throws Exception {
        Assumptions.assumeTrue(PrivateRedis.installed(), "redis-server is not installed: skipped");
        try (PrivateRedis redis = new PrivateRedis()) {
            redis.start();
            CacheEngine engine = new CacheEngine(CacheEngine.Options.memoryOnly().withRedis(redis.uri()), time);
            engines.add(engine);
            waitFor(() -> engine.sharedLevel().connected(), "connected");
            FogCache cache = engine.namespace(namespace);
            cache.put("k", "before");

            redis.stop();
            waitFor(() -> !engine.sharedLevel().connected(), "disconnect noticed");
            assertThat(cache.get("k", String.class)).as("served from memory").contains("before");
            cache.put("k2", "during");
            assertThat(cache.get("k2", String.class)).contains("during");
            assertThat(cache.get("absent", String.class)).isEmpty();
            cache.getAll(List.of("k", "x"), String.class);
            cache.delete("k2");
            cache.clear();
            assertThat(cache.stats().errors()).isPositive();

            redis.start();
            waitFor(() -> engine.sharedLevel().connected(), "reconnected by itself");
            cache.put("k3", "after");
            waitFor(() -> {
                try (RedisClient client = RedisClient.create(redis.uri());
                     StatefulRedisConnection<String, String> check = client.connect()) {
                    return check.sync().exists("cache:" + namespace + ":k3") == 1;
                }
            }, "writes reach Redis again");
        }
    }

    /**
     * A hung Redis costs one timeout, not one per miss: after the first command that times out, the cache skips Redis
     * (the later misses never reach it, which the server's own command count shows once it runs again) until a probe
     * sees it answer.
     */
    @Test
    void aFrozenRedisIsSkippedAfterOneTimeoutUntilItAnswersAgain() throws Exception {
        Assumptions.assumeTrue(PrivateRedis.installed(), "redis-server is not installed: skipped");
        try (PrivateRedis redis = new PrivateRedis()) {
            redis.start();
            CacheEngine engine = new CacheEngine(new CacheEngine.Options(redis.uri(), 5000, Duration.ofMinutes(5),
                    Duration.ofMillis(500), 200, 5000, 5000, 1000), time);
            engines.add(engine);
            waitFor(() -> engine.sharedLevel().connected(), "connected");
            FogCache cache = engine.namespace(namespace);
            try (RedisClient client = RedisClient.create(redis.uri());
                 StatefulRedisConnection<String, String> check = client.connect()) {
                long getsBefore = commandCalls(check, "get");

                redis.freeze();
                assertThat(cache.get("miss-0", String.class)).isEmpty();
                assertThat(engine.sharedLevel().connected()).as("skipped after the first timeout").isFalse();
                for (int i = 1; i <= 10; i++) {
                    assertThat(cache.get("miss-" + i, String.class)).isEmpty();
                }
                redis.thaw();

                waitFor(() -> engine.sharedLevel().connected(), "used again once a probe sees it answer");
                assertThat(commandCalls(check, "get") - getsBefore).as("GETs that reached the frozen Redis")
                        .isLessThanOrEqualTo(1);
                cache.put("after", "v");
                assertThat(check.sync().exists("cache:" + namespace + ":after")).isEqualTo(1);
            }
        }
    }

    private static long commandCalls(StatefulRedisConnection<String, String> connection, String command) {
        Matcher matcher = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(
                connection.sync().info("commandstats"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    @Test
    void redisAbsentAtStartIsJoinedWhenItAppears() throws Exception {
        Assumptions.assumeTrue(PrivateRedis.installed(), "redis-server is not installed: skipped");
        try (PrivateRedis redis = new PrivateRedis()) {
            CacheEngine engine = new CacheEngine(new CacheEngine.Options(redis.uri(), 5000, Duration.ofMinutes(5),
                    Duration.ofMillis(500), 200, 5000, 5000, 1000), time);
            engines.add(engine);
            FogCache cache = engine.namespace(namespace);
            cache.put("k", "memory only");
            assertThat(cache.get("k", String.class)).contains("memory only");
            assertThat(engine.sharedLevel().connected()).isFalse();
            redis.start();
            waitFor(() -> engine.sharedLevel().connected(), "connected once Redis is up");
        }
    }

    private long calls(String command) {
        Matcher matcher = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(
                raw.sync().info("commandstats"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            sleepQuietly(20);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
