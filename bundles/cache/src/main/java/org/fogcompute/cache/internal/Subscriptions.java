package org.fogcompute.cache.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cached keys an event evicts. Bounded; a subscription ends when its key is deleted, evicted by the event,
 * or past the expiry of the value it was made for (swept periodically), so it cannot outlive what it protects.
 */
final class Subscriptions {
    /** A key of a namespace. */
    record CacheKey(String namespace, String key) {
    }

    private final Map<String, Set<CacheKey>> byEvent = new ConcurrentHashMap<>();
    private final Map<CacheKey, Long> expiry = new ConcurrentHashMap<>();
    private final int max;
    private final TimeSource time;

    Subscriptions(int max, TimeSource time) {
        this.max = max;
        this.time = time;
    }

    /** @return false when the bound is reached even after sweeping expired subscriptions */
    boolean add(String event, CacheKey key, long expiresAtMillis) {
        if (expiry.size() >= max && !expiry.containsKey(key)) {
            sweep();
            if (expiry.size() >= max) {
                return false;
            }
        }
        expiry.merge(key, expiresAtMillis, Math::max);
        byEvent.computeIfAbsent(event, e -> ConcurrentHashMap.newKeySet()).add(key);
        return true;
    }

    /** Removes and returns the keys subscribed to {@code event}. */
    List<CacheKey> take(String event) {
        Set<CacheKey> keys = byEvent.remove(event);
        if (keys == null) {
            return List.of();
        }
        List<CacheKey> taken = new ArrayList<>(keys);
        taken.forEach(expiry::remove);
        return taken;
    }

    void remove(CacheKey key) {
        if (expiry.remove(key) != null) {
            byEvent.values().forEach(keys -> keys.remove(key));
            byEvent.values().removeIf(Set::isEmpty);
        }
    }

    void removeNamespace(String namespace) {
        expiry.keySet().removeIf(key -> key.namespace().equals(namespace));
        byEvent.values().forEach(keys -> keys.removeIf(key -> key.namespace().equals(namespace)));
        byEvent.values().removeIf(Set::isEmpty);
    }

    /** Drops subscriptions whose value has expired. */
    void sweep() {
        long now = time.currentTimeMillis();
        List<CacheKey> expired = new ArrayList<>();
        expiry.forEach((key, at) -> {
            if (at <= now) {
                expired.add(key);
            }
        });
        if (!expired.isEmpty()) {
            expired.forEach(expiry::remove);
            byEvent.values().forEach(keys -> keys.removeAll(expired));
            byEvent.values().removeIf(Set::isEmpty);
        }
    }

    int size() {
        return expiry.size();
    }
}
