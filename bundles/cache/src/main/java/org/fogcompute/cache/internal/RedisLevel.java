package org.fogcompute.cache.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fogcompute.api.pools.PoolStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared level: Redis through one Lettuce connection (thread-safe, commands from many threads are pipelined on
 * it) plus one for pub/sub. Every command is bounded by a timeout; while Redis is away commands fail at once
 * instead of queueing, and Lettuce reconnects by itself. If Redis is down at start, connecting is retried in the
 * background. Callers treat any failure as "not in Redis" and count it.
 *
 * <p>A Redis that hangs rather than refuses would cost every cache miss a full timeout, several in a row for one
 * read. So the first command that fails or times out opens a breaker: commands are then refused at once (the cache
 * serves from memory and its loaders) until a background PING, every retry interval, sees Redis answer again.
 */
final class RedisLevel implements AutoCloseable {
    static final String CHANNEL = "fog:cache:invalidate";
    private static final Logger LOG = LoggerFactory.getLogger(RedisLevel.class);
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisClient client;
    private final String uri;
    private final Duration timeout;
    private final Consumer<String> onMessage;
    private final ScheduledExecutorService scheduler;
    private final long retryMillis;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile boolean closed;
    /** Open breaker: Redis failed or timed out and has not answered a probe since. */
    private volatile boolean failing;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final LongAdder commands = new LongAdder();

    RedisLevel(String uri, Duration timeout, long retryMillis, ScheduledExecutorService scheduler,
               Consumer<String> onMessage) {
        this.uri = uri;
        this.timeout = timeout;
        this.retryMillis = retryMillis;
        this.scheduler = scheduler;
        this.onMessage = onMessage;
        this.client = RedisClient.create(RedisURI.create(uri));
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout)).build());
        scheduler.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        StatefulRedisConnection<String, byte[]> commands = null;
        StatefulRedisPubSubConnection<String, String> subscriber = null;
        try {
            commands = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            commands.setTimeout(timeout);
            subscriber = client.connectPubSub();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    onMessage.accept(message);
                }
            });
            subscriber.sync().subscribe(CHANNEL);
            this.connection = commands;
            this.pubSub = subscriber;
            connectionsOpened.addAndGet(2);
            LOG.info("Cache connected to Redis at {}", redacted());
        } catch (RuntimeException e) {
            // half-made connections are closed, not leaked, before the next attempt
            if (subscriber != null) {
                subscriber.closeAsync();
            }
            if (commands != null) {
                commands.closeAsync();
            }
            LOG.warn("Redis at {} is not reachable ({}); the cache serves from memory and retries in {} ms",
                    redacted(), e.getMessage(), retryMillis);
            scheduler.schedule(this::connect, retryMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Lettuce's connections as a pool: one for commands, multiplexed by every caller (no borrowing, so nobody waits
     * for a connection: a slow Redis shows as the breaker opening instead), and one for invalidation messages. Uses
     * are commands sent; created counts connections opened, reconnects by Lettuce itself not included.
     */
    PoolStats pool(String owner) {
        StatefulRedisConnection<String, byte[]> current = connection;
        StatefulRedisPubSubConnection<String, String> subscriber = pubSub;
        long open = (current != null && current.isOpen() ? 1 : 0) + (subscriber != null && subscriber.isOpen() ? 1 : 0);
        return new PoolStats("redis", "connections", owner, open, 2, open, 0, 0, connectionsOpened.get(),
                commands.sum(), (failing ? "breaker open: serving from memory; " : "") + redacted()
                        + ", commands multiplexed over one connection");
    }

    /** The URI without a password. */
    String redacted() {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }

    /** Connected, and not skipped after a failure (see the class comment). */
    boolean connected() {
        StatefulRedisConnection<String, byte[]> current = connection;
        return current != null && current.isOpen() && !failing;
    }

    private RedisCommands<String, byte[]> sync() {
        return requireConnection().sync();
    }

    /** Runs a command; a failure other than an error reply from Redis opens the breaker. */
    private <T> T guarded(Supplier<T> command) {
        commands.increment();
        try {
            return command.get();
        } catch (RedisCommandExecutionException answered) {
            throw answered; // Redis answered, with an error: not an outage
        } catch (RuntimeException e) {
            trip(e);
            throw e;
        }
    }

    private void trip(RuntimeException e) {
        if (!failing && !closed) {
            failing = true;
            LOG.warn("Redis at {} failed ({}); the cache skips it and serves from memory until it answers a probe",
                    redacted(), e.getMessage());
        }
        if (probing.compareAndSet(false, true)) {
            scheduler.schedule(this::probe, retryMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        if (closed) {
            return;
        }
        StatefulRedisConnection<String, byte[]> current = connection;
        try {
            if (current != null && "PONG".equals(current.sync().ping())) {
                failing = false;
                probing.set(false);
                LOG.info("Redis at {} answers again; the cache uses it", redacted());
                return;
            }
        } catch (RuntimeException stillDown) {
            // next probe after the retry interval
        }
        scheduler.schedule(this::probe, retryMillis, TimeUnit.MILLISECONDS);
    }

    byte[] get(String key) {
        return guarded(() -> sync().get(key));
    }

    /** The values of {@code keys} in order, null where absent: one MGET. */
    List<byte[]> getAll(List<String> keys) {
        List<KeyValue<String, byte[]>> values = guarded(() -> sync().mget(keys.toArray(String[]::new)));
        List<byte[]> found = new ArrayList<>(values.size());
        for (KeyValue<String, byte[]> value : values) {
            found.add(value.hasValue() ? value.getValue() : null);
        }
        return found;
    }

    void set(String key, byte[] value, long ttlMillis) {
        guarded(() -> sync().set(key, value, SetArgs.Builder.px(ttlMillis)));
    }

    /** All writes sent back to back on the connection (pipelined), then awaited together. */
    void setAll(Map<String, byte[]> values, long ttlMillis) {
        guarded(() -> {
            StatefulRedisConnection<String, byte[]> current = requireConnection();
            List<RedisFuture<String>> pending = new ArrayList<>(values.size());
            values.forEach((key, value) -> pending.add(current.async().set(key, value,
                    SetArgs.Builder.px(ttlMillis))));
            await(pending);
            return null;
        });
    }

    void delete(Collection<String> keys) {
        if (!keys.isEmpty()) {
            guarded(() -> sync().unlink(keys.toArray(String[]::new)));
        }
    }

    /** Deletes every key matching {@code pattern} with SCAN and UNLINK (never KEYS or FLUSHDB). */
    long deleteMatching(String pattern) {
        return guarded(() -> scanAndUnlink(pattern));
    }

    private long scanAndUnlink(String pattern) {
        RedisCommands<String, byte[]> commands = sync();
        long deleted = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
            if (!page.getKeys().isEmpty()) {
                deleted += commands.unlink(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return deleted;
    }

    boolean tryLock(String key, String token, long ttlMillis) {
        return "OK".equals(guarded(() -> sync().set(key, token.getBytes(StandardCharsets.UTF_8),
                SetArgs.Builder.nx().px(ttlMillis))));
    }

    /** Deletes the lock only if it still holds {@code token}: a lock that expired and was taken over stays. */
    void unlock(String key, String token) {
        guarded(() -> sync().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key},
                token.getBytes(StandardCharsets.UTF_8)));
    }

    void publish(String message) {
        guarded(() -> sync().publish(CHANNEL, message.getBytes(StandardCharsets.UTF_8)));
    }

    private StatefulRedisConnection<String, byte[]> requireConnection() {
        if (failing) {
            throw new IllegalStateException("Redis skipped: it failed or timed out recently; a probe checks it every "
                    + retryMillis + " ms");
        }
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current == null) {
            throw new IllegalStateException("Redis is not connected");
        }
        return current;
    }

    private void await(List<? extends RedisFuture<?>> pending) {
        if (!LettuceFutures.awaitAll(timeout.toMillis(), TimeUnit.MILLISECONDS, pending.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("Redis did not answer within " + timeout.toMillis() + " ms");
        }
    }

    @Override
    public void close() {
        closed = true;
        if (pubSub != null) {
            pubSub.close();
        }
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
