package org.fogcompute.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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

    /**
     * A deadline given as an instant (2026-12-06T18:00:00Z) or as a time from {@code now}: an ISO duration (PT5M) or
     * a number with a unit (90s, 10m, 2h, 1d). Null stays null.
     */
    static Instant deadline(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() > 1 && Character.isDigit(text.charAt(0)) && "smhd".indexOf(Character.toLowerCase(
                    text.charAt(text.length() - 1))) >= 0 && text.substring(0, text.length() - 1).chars()
                    .allMatch(Character::isDigit)) {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                ChronoUnit unit = switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
                    case 's' -> ChronoUnit.SECONDS;
                    case 'm' -> ChronoUnit.MINUTES;
                    case 'h' -> ChronoUnit.HOURS;
                    default -> ChronoUnit.DAYS;
                };
                return now.plus(Duration.of(amount, unit));
            }
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                return now.plus(Duration.parse(text));
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new ValidationException("deadline", "deadline '" + value + "' is neither an instant "
                    + "(2026-12-06T18:00:00Z) nor a time from now (PT5M, 90s, 10m, 2h, 1d)");
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
