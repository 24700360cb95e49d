package org.fogcompute.balancer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fog load balancer", description = "Algorithms, circuit breakers, scaling advisor")
public @interface BalancerSettings {
    String PID = "org.fogcompute.balancer";

    @AttributeDefinition(description = "Algorithm used when a request names none")
    String default_algorithm() default "round-robin";

    @AttributeDefinition(description = "Consecutive failures that open a node's circuit")
    int breaker_failure_threshold() default 5;

    @AttributeDefinition(description = "How long an open circuit stays open, seconds")
    long breaker_open_seconds() default 60;

    @AttributeDefinition(description = "Trial calls a half-open circuit admits")
    int breaker_trial_permits() default 2;

    @AttributeDefinition(description = "Successful trials that close a half-open circuit")
    int breaker_successes_to_close() default 2;

    @AttributeDefinition(description = "Weight of the newest latency in the moving average (0..1]")
    double latency_ewma_alpha() default 0.2;
}
