package org.fogcompute.api;

import java.util.Map;
import java.util.regex.Pattern;

/** Argument checks shared by the value types; each failure names the offending field. */
final class Checks {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final int MAX_LABELS = 32;
    static final int MAX_TEXT = 256;

    private Checks() {
    }

    static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new ValidationException(field,
                    field + " must be 1..128 characters of [A-Za-z0-9._:-], got " + quote(value));
        }
        return value;
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        return value;
    }

    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ValidationException(field, field + " must be within " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ValidationException(field, field + " must be within " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static String text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new ValidationException(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    static Map<String, String> labels(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        if (labels.size() > MAX_LABELS) {
            throw new ValidationException("labels", "at most " + MAX_LABELS + " labels are allowed, got " + labels.size());
        }
        labels.forEach((k, v) -> {
            id("labels", k);
            if (v == null || v.length() > MAX_TEXT) {
                throw new ValidationException("labels", "label '" + k + "' needs a value of at most " + MAX_TEXT + " characters");
            }
        });
        return Map.copyOf(labels);
    }

    private static String quote(String s) {
        if (s == null) {
            return "nothing";
        }
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
}
