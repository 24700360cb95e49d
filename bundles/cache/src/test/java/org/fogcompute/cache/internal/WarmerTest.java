package org.fogcompute.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.cache.CacheWarmer;
import org.fogcompute.api.cache.FogCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Warmers run once when bound, off the caller's thread, and are stopped at the time limit. */
class WarmerTest {
    private final CacheServiceComponent cache = new CacheServiceComponent(
            name -> Executors.newSingleThreadScheduledExecutor(), settings(Map.of("warm_timeout_seconds", 1L)));

    @AfterEach
    void stop() {
        cache.deactivate();
    }

    @Test
    void aWarmerFillsItsNamespace() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        cache.bindWarmer(new CacheWarmer() {
            @Override
            public String namespace() {
                return "warm";
            }

            @Override
            public int warm(FogCache target) {
                for (int i = 0; i < 50; i++) {
                    target.put("k" + i, i);
                }
                done.countDown();
                return 50;
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.namespace("warm").get("k49", Integer.class)).contains(49);
    }

    @Test
    void aWarmerPastTheTimeLimitIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        cache.bindWarmer(new CacheWarmer() {
            @Override
            public String namespace() {
                return "slow";
            }

            @Override
            public int warm(FogCache target) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return 0;
            }
        });
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("stopped after the 1 s limit").isTrue();
    }

    /** The settings annotation with its defaults, overridden by name. */
    static CacheSettings settings(Map<String, Object> overrides) {
        return (CacheSettings) Proxy.newProxyInstance(WarmerTest.class.getClassLoader(),
                new Class<?>[] {CacheSettings.class}, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    Object defaultValue = method.getDefaultValue();
                    if (defaultValue == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return defaultValue;
                });
    }
}
