package org.fogcompute.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fogcompute.api.cache.FogCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The memory level alone (no Redis configured), on a clock the test moves. */
class MemoryCacheTest {
    record Point(String name, int x) {
    }

    private final FakeTime time = new FakeTime();
    private final CacheEngine engine = new CacheEngine(new CacheEngine.Options("", 100, Duration.ofSeconds(300),
            Duration.ofMillis(500), 2000, 5000, 5000, 10), time);
    private final FogCache cache = engine.namespace("test");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aValueLivesExactlyItsTimeToLive() {
        cache.put("k", new Point("a", 1), Duration.ofSeconds(10));
        time.advance(Duration.ofMillis(9_999));
        assertThat(cache.get("k", Point.class)).contains(new Point("a", 1));
        time.advance(Duration.ofMillis(1));
        assertThat(cache.get("k", Point.class)).isEmpty();
        assertThat(cache.stats().misses()).isEqualTo(1);
        assertThat(cache.stats().memoryHits()).isEqualTo(1);
    }

    @Test
    void theDefaultTimeToLiveIsThreeHundredSeconds() {
        cache.put("k", "v");
        time.advance(Duration.ofSeconds(299));
        assertThat(cache.get("k", String.class)).contains("v");
        time.advance(Duration.ofSeconds(1));
        assertThat(cache.get("k", String.class)).isEmpty();
    }

    @Test
    void theMemoryLevelIsBoundedBySize() {
        for (int i = 0; i < 1_000; i++) {
            cache.put("k" + i, i);
        }
        assertThat(cache.stats().entries()).isLessThanOrEqualTo(100);
    }

    @Test
    void aValueReadsBackAsAnotherCompatibleType() {
        cache.put("k", new Point("a", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> asMap = cache.get("k", Map.class).orElseThrow();
        assertThat(asMap).containsEntry("name", "a").containsEntry("x", 1);
    }

    @Test
    void batchOperations() {
        cache.putAll(Map.of("a", 1, "b", 2, "c", 3), Duration.ofSeconds(5));
        assertThat(cache.getAll(List.of("a", "b", "x"), Integer.class)).containsOnly(Map.entry("a", 1),
                Map.entry("b", 2));
        cache.deleteAll(List.of("a", "b"));
        assertThat(cache.getAll(List.of("a", "b", "c"), Integer.class)).containsOnlyKeys("c");
    }

    @Test
    void concurrentLoadsOfAMissingKeyRunTheLoaderOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allWaiting = new CountDownLatch(8);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(callers.submit(() -> {
                allWaiting.countDown();
                return cache.getOrLoad("k", String.class, Duration.ofMinutes(1), () -> {
                    calls.incrementAndGet();
                    awaitQuietly(release);
                    return "loaded";
                }).orElseThrow();
            }));
        }
        assertThat(allWaiting.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        for (Future<String> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
        }
        callers.shutdown();
        assertThat(calls).hasValue(1);
        assertThat(cache.stats().loads()).isEqualTo(1);
    }

    @Test
    void aFailingLoaderFailsItsWaitersAndTheNextCallLoadsAgain() {
        assertThatThrownBy(() -> cache.getOrLoad("k", String.class, Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("backend down");
        })).hasMessage("backend down");
        assertThat(cache.getOrLoad("k", String.class, Duration.ofMinutes(1), () -> "second")).contains("second");
        assertThat(cache.getOrLoad("absent", String.class, Duration.ofMinutes(1), () -> null)).isEmpty();
    }

    @Test
    void anEventEvictsTheKeysSubscribedToIt() {
        cache.put("node:1", "one");
        cache.put("node:2", "two");
        cache.subscribe("fleet-changed", "node:1");
        engine.publish("fleet-changed");
        assertThat(cache.get("node:1", String.class)).isEmpty();
        assertThat(cache.get("node:2", String.class)).contains("two");
        assertThat(engine.subscriptions().size()).isZero();
    }

    @Test
    void subscriptionsAreBoundedAndEndWithTheirKeys() {
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, i, Duration.ofSeconds(10));
            cache.subscribe("e", "k" + i);
        }
        cache.put("k10", 10, Duration.ofSeconds(10));
        cache.subscribe("e", "k10");
        assertThat(engine.subscriptions().size()).isEqualTo(10);
        assertThat(cache.stats().errors()).isEqualTo(1);
        cache.delete("k0");
        assertThat(engine.subscriptions().size()).isEqualTo(9);
        time.advance(Duration.ofSeconds(10));
        engine.subscriptions().sweep();
        assertThat(engine.subscriptions().size()).isZero();
    }

    @Test
    void clearEmptiesOnlyItsNamespace() {
        FogCache other = engine.namespace("other");
        cache.put("k", 1);
        other.put("k", 2);
        cache.clear();
        assertThat(cache.get("k", Integer.class)).isEmpty();
        assertThat(other.get("k", Integer.class)).contains(2);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> cache.put("k", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.put("k", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.put("x".repeat(257), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.namespace("bad name")).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.sharedLevel().configured()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
