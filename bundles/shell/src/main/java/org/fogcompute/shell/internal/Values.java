package org.fogcompute.shell.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import org.fogcompute.api.ValidationException;

/** Parses command-line values with errors that name the option and the allowed values. */
final class Values {
    private Values() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(option, "unknown " + option + " '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Map<String, String> labels(List<String> pairs) {
        Map<String, String> labels = new TreeMap<>();
        if (pairs != null) {
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ValidationException("label", "labels are key=value, got '" + pair + "'");
                }
                labels.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return labels;
    }
}
