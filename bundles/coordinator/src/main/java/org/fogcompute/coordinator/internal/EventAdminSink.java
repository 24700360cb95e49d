package org.fogcompute.coordinator.internal;

import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts coordinator events asynchronously through EventAdmin while one is available. */
final class EventAdminSink implements EventSink {
    private volatile EventAdmin eventAdmin;

    void set(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void clear(EventAdmin gone) {
        if (eventAdmin == gone) {
            eventAdmin = null;
        }
    }

    @Override
    public boolean enabled() {
        return eventAdmin != null;
    }

    @Override
    public void publish(String topic, Map<String, Object> properties) {
        EventAdmin current = eventAdmin;
        if (current != null) {
            current.postEvent(new Event(topic, properties));
        }
    }
}
