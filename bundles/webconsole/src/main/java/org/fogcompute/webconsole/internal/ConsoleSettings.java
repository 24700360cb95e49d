package org.fogcompute.webconsole.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fog web console", description = "The Fog pages of the web console")
public @interface ConsoleSettings {
    String PID = "org.fogcompute.webconsole";

    @AttributeDefinition(description = "The overview's charts take a sample of the fleet this often, seconds")
    int sample_interval_seconds() default 2;

    @AttributeDefinition(description = "Samples kept for the charts (300 at 2 s: the last 10 minutes)")
    int history_samples() default 300;

    @AttributeDefinition(description = "Rows per page in the node and task tables")
    int page_size() default 100;
}
