package org.fogcompute.webconsole.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The outcome of an action, shown once on the page the browser is sent back to (post, redirect, get). Kept here per
 * user rather than in the redirect's URL, so that a link cannot make the console display a message of its choosing.
 */
@Component(service = Flash.class)
public final class Flash {
    record Message(String text, boolean error) {
    }

    private final Map<String, Message> pending = new ConcurrentHashMap<>();

    void put(String user, String text, boolean error) {
        pending.put(user, new Message(text, error));
    }

    Message take(String user) {
        return pending.remove(user);
    }
}
