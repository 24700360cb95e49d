package org.fogcompute.persistence.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Node labels as one text column: {@code key=value&key=value} with values URL-encoded (keys need no escaping). */
final class Labels {
    private Labels() {
    }

    static String format(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(labels).forEach((key, value) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return text.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                labels.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return labels;
    }
}
