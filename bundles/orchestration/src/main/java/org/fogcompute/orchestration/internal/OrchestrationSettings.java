package org.fogcompute.orchestration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fog service orchestration", description = "Health evaluation and automatic restarts")
public @interface OrchestrationSettings {
    String PID = "org.fogcompute.orchestration";

    @AttributeDefinition(description = "Seconds between health evaluations")
    long health_interval_seconds() default 30;

    @AttributeDefinition(description = "Time limit of one evaluation of all checks, seconds")
    int health_timeout_seconds() default 5;

    @AttributeDefinition(description = "Consecutive failed evaluations that make a service UNHEALTHY")
    int unhealthy_after() default 3;

    @AttributeDefinition(description = "Consecutive passed evaluations that make it HEALTHY again")
    int healthy_after() default 2;

    @AttributeDefinition(description = "Evaluations kept per service (uptime is computed over them)")
    int history_size() default 100;

    @AttributeDefinition(description = "Delays before the automatic restarts of an UNHEALTHY service, ms, comma "
            + "separated; their number is the most automatic restarts before the service stays FAILED until a forced "
            + "restart")
    String restart_backoff_millis() default "2000,4000,8000";
}
