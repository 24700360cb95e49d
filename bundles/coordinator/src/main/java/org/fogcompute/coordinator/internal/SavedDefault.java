package org.fogcompute.coordinator.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a default chosen at runtime back to its {@code etc/*.cfg}, so that it survives a restart, and recognises
 * the configuration's echo of its own writes. ConfigAdmin echoes each write back later, in order; applying an echo
 * would briefly put back an older default after a newer one was set. A value nobody here wrote (an edit of the file)
 * is not an echo.
 */
final class SavedDefault {
    private final Logger log = LoggerFactory.getLogger(SavedDefault.class);
    private final ConfigurationAdmin configurationAdmin;
    private final String pid;
    private final String key;
    private final ArrayDeque<String> ownWrites = new ArrayDeque<>();

    SavedDefault(ConfigurationAdmin configurationAdmin, String pid, String key) {
        this.configurationAdmin = configurationAdmin;
        this.pid = pid;
        this.key = key;
    }

    /** Whether a configured value is the echo of one of our writes (then it is consumed and must not be applied). */
    synchronized boolean isEcho(String configured) {
        if (!ownWrites.isEmpty() && ownWrites.peek().equals(configured)) {
            ownWrites.poll();
            return true;
        }
        ownWrites.clear();
        return false;
    }

    synchronized void save(String name) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put(key, name);
            ownWrites.add(name);
            if (!configuration.updateIfDifferent(properties)) {
                ownWrites.removeLast();
            }
        } catch (IOException e) {
            ownWrites.removeLastOccurrence(name);
            log.warn("Default set to '{}' but could not be saved in configuration {}", name, pid, e);
        }
    }
}
