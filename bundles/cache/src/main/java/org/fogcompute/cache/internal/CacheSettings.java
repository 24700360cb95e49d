package org.fogcompute.cache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fog cache", description = "In-memory level (Caffeine) and shared level (Redis)")
public @interface CacheSettings {
    String PID = "org.fogcompute.cache";

    @AttributeDefinition(description = "Redis for the shared level, e.g. redis://127.0.0.1:6379/0; empty: memory only")
    String redis_uri() default "";

    @AttributeDefinition(description = "Entries kept in memory per namespace")
    int memory_max_entries() default 5000;

    @AttributeDefinition(description = "Time to live of a put without one, seconds")
    long default_ttl_seconds() default 300;

    @AttributeDefinition(description = "Longest time a Redis command may take before the cache gives up on it, ms")
    long redis_timeout_millis() default 500;

    @AttributeDefinition(description = "Pause between attempts to reach Redis while it is down at start, ms")
    long redis_retry_millis() default 2000;

    @AttributeDefinition(description = "How long a cross-process load lock is held at most, ms")
    long lock_ttl_millis() default 5000;

    @AttributeDefinition(description = "How long a process waits for another's load before loading itself, ms")
    long lock_wait_millis() default 5000;

    @AttributeDefinition(description = "Time limit for all warmers together at start, seconds")
    long warm_timeout_seconds() default 30;

    @AttributeDefinition(description = "Event subscriptions kept at most; further subscribe calls are refused")
    int max_subscriptions() default 100_000;
}
