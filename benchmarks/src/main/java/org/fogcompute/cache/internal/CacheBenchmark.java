package org.fogcompute.cache.internal;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.fogcompute.api.cache.FogCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cache's read paths. Memory-level hits on 1,000 hot keys; shared-level reads (the memory copy dropped before
 * each read, so Redis answers) compared in the same run with raw Lettuce GET and MGET of the same keys and value
 * sizes on the same Redis (FOG_BENCH_REDIS_URI, default redis://127.0.0.1:6379).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CacheBenchmark {
    /** A small cached value, like a node summary. */
    public record NodeSummary(String id, String region, int cpuCores, long memoryMb, double loadPercent) {
    }

    private static final int KEYS = 1_000;
    private static final int BATCH = 100;

    private CacheEngine memoryOnly;
    private FogCache memory;
    private CacheEngine shared;
    private TwoLevelCache sharedCache;
    private RedisClient client;
    private RedisCommands<String, byte[]> raw;
    private final String[] keys = new String[KEYS];
    private final List<String> batch = new ArrayList<>();
    private final String[] rawBatch = new String[BATCH];
    private int next;
    private final com.github.benmanes.caffeine.cache.Cache<String, NodeSummary> bareCaffeine =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(5000).build();
    private final com.fasterxml.jackson.databind.ObjectReader summaryReader =
            new com.fasterxml.jackson.databind.ObjectMapper().readerFor(NodeSummary.class);

    @Setup(Level.Trial)
    public void setUp() {
        memoryOnly = new CacheEngine(CacheEngine.Options.memoryOnly(), TimeSource.SYSTEM);
        memory = memoryOnly.namespace("bench");
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "node-" + i;
            memory.put(keys[i], summary(i), Duration.ofHours(1));
            bareCaffeine.put(keys[i], summary(i));
        }
        String uri = System.getenv().getOrDefault("FOG_BENCH_REDIS_URI", "redis://127.0.0.1:6379");
        shared = new CacheEngine(CacheEngine.Options.memoryOnly().withRedis(uri), TimeSource.SYSTEM);
        waitFor(() -> shared.sharedLevel().connected());
        sharedCache = (TwoLevelCache) shared.namespace("bench-shared");
        for (int i = 0; i < KEYS; i++) {
            sharedCache.put(keys[i], summary(i), Duration.ofHours(1));
        }
        for (int i = 0; i < BATCH; i++) {
            batch.add(keys[i * 7 % KEYS]);
            rawBatch[i] = sharedCache.redisKey(batch.get(i));
        }
        client = RedisClient.create(uri);
        StatefulRedisConnection<String, byte[]> connection = client.connect(RedisCodec.of(StringCodec.UTF8,
                ByteArrayCodec.INSTANCE));
        raw = connection.sync();
    }

    private static NodeSummary summary(int i) {
        return new NodeSummary("node-" + i, "eu-west", 1 << (i % 5), 512L << (i % 6), (i * 37) % 100);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sharedCache.clear();
        memoryOnly.close();
        shared.close();
        client.shutdown();
    }

    private String nextKey() {
        next = (next + 1) % KEYS;
        return keys[next];
    }

    /** Each benchmark thread walks the hot keys with its own cursor. */
    @State(Scope.Thread)
    public static class Cursor {
        int position;

        int next() {
            position = (position + 1) % KEYS;
            return position;
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime, Mode.Throughput})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public Object memoryHit(Cursor cursor) {
        return memory.get(keys[cursor.next()], NodeSummary.class).orElseThrow();
    }

    /** Baseline for memoryHit: a bare Caffeine lookup of the same keys, same threads, same harness. */
    @Benchmark
    @BenchmarkMode({Mode.SampleTime, Mode.Throughput})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public Object rawCaffeineHit(Cursor cursor) {
        return bareCaffeine.getIfPresent(keys[cursor.next()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object sharedGet() {
        String key = nextKey();
        sharedCache.memory().invalidate(key);
        return sharedCache.get(key, NodeSummary.class).orElseThrow();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object rawLettuceGet() {
        return raw.get(sharedCache.redisKey(nextKey()));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Map<String, NodeSummary> sharedGetAll100() {
        sharedCache.memory().invalidateAll(batch);
        return sharedCache.getAll(batch, NodeSummary.class);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<KeyValue<String, byte[]>> rawLettuceMget100() {
        return raw.mget(rawBatch);
    }

    /** A raw MGET whose values are then decoded with Jackson, as any user of the values would. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<NodeSummary> rawLettuceMget100Decoded() throws java.io.IOException {
        List<NodeSummary> values = new ArrayList<>(BATCH);
        for (KeyValue<String, byte[]> value : raw.mget(rawBatch)) {
            byte[] bytes = value.getValue();
            values.add(summaryReader.readValue(bytes, Long.BYTES, bytes.length - Long.BYTES));
        }
        return values;
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("Redis not reachable for the benchmark");
        }
    }
}
