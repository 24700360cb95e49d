package org.fogcompute.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fog REST API", description = "Limits of the REST API under /api")
public @interface ApiSettings {
    String PID = "org.fogcompute.rest";

    @AttributeDefinition(description = "Largest request body accepted, bytes; larger ones answer 413")
    int max_body_bytes() default 1024 * 1024;

    @AttributeDefinition(description = "Most nodes in one batch registration")
    int max_batch_size() default 1000;

    @AttributeDefinition(description = "Requests per second an authenticated client (user or node) may make, sustained")
    long rate_requests_per_second() default 50;

    @AttributeDefinition(description = "Requests an authenticated client may make in a burst above the sustained rate")
    long rate_burst() default 100;

    @AttributeDefinition(description = "Requests per second from one address without a valid token (login, "
            + "enrollment, health)")
    long rate_anonymous_requests_per_second() default 10;

    @AttributeDefinition(description = "Burst for requests without a valid token, per address")
    long rate_anonymous_burst() default 20;

    @AttributeDefinition(description = "How long GET /api/topology may be served from the cache, ms (it is evicted "
            + "at once when nodes join, leave or change status); 0 computes it on every call")
    long topology_cache_millis() default 2000;
}
