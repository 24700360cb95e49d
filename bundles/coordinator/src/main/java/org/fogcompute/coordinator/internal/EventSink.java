package org.fogcompute.coordinator.internal;

import java.util.Map;

/**
 * Where registry and task mutations are announced (OSGi EventAdmin topics under {@code fog/}). The coordinator
 * collects events under its lock and hands them over after releasing it.
 */
interface EventSink {
    EventSink NONE = new EventSink() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void publish(String topic, Map<String, Object> properties) {
        }
    };

    boolean enabled();

    void publish(String topic, Map<String, Object> properties);
}
