package org.fogcompute.api;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the value types and the services; each failure names the offending field. They also keep
 * out what a database cannot store (an instant beyond its millisecond column, a NUL character, which PostgreSQL refuses
 * in text), so that such a value is a 422 at the edge and never reaches a shared commit.
 */
public final class Checks {
    /** What an id may be, as error messages say it. */
    public static final String ID_RULE = "1..128 characters of [A-Za-z0-9._:-], not '.' or '..'";
    /** Ids become path segments of the API: '.' and '..' would name another resource. */
    public static final String ID_PATTERN = "(?!\\.{1,2}$)[A-Za-z0-9._:-]{1,128}";
    static final Pattern ID = Pattern.compile(ID_PATTERN);
    static final int MAX_LABELS = 32;
    static final int MAX_TEXT = 256;
    /** The instants the API accepts: years 0000 to 9999, as in RFC 3339; all fit a millisecond column. */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Checks() {
    }

    /** Whether the value is a valid id of a node, task, strategy or pool. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** The value if it is a valid id, else a ValidationException naming the field. */
    public static String id(String field, String value) {
        if (!isId(value)) {
            throw new ValidationException(field, field + " must be " + ID_RULE + ", got " + quote(value));
        }
        return value;
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        return value;
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ValidationException(field, field + " must be within " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ValidationException(field, field + " must be within " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static String text(String field, String value) {
        return text(field, value, MAX_TEXT);
    }

    /** Text of at most {@code max} characters without control characters other than tab, line feed and return. */
    public static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new ValidationException(field, field + " must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new ValidationException(field, field + " must not contain control characters, found U+"
                        + String.format("%04X", (int) c) + " at position " + i);
            }
        }
        return value;
    }

    /** Opaque text: any character but NUL, which no database column of ours can hold. */
    static String opaque(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new ValidationException(field, field + " must be at most " + (max / 1024) + " KiB");
        }
        int nul = value.indexOf('\0');
        if (nul >= 0) {
            throw new ValidationException(field, field + " must not contain the NUL character (U+0000), found at "
                    + "position " + nul);
        }
        return value;
    }

    /** An instant the store can keep: within {@link #EARLIEST} and {@link #LATEST}. */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new ValidationException(field, field + " must be within " + EARLIEST + " and " + LATEST + ", got "
                    + value);
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
            text("labels", v);
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
