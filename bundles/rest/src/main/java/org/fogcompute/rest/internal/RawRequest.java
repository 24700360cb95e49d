package org.fogcompute.rest.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a request the API reads as the client sent them, checked strictly before anything acts on them: the
 * path before the container normalised it, the query string (decoded here rather than by the container, whose
 * decoder threw on a bad escape and answered 500, and which also parsed form bodies) and the body's encoding.
 */
final class RawRequest {
    private RawRequest() {
    }

    /**
     * Refuses what the container would otherwise resolve to another route: dot segments ({@code /api/nodes/..} was
     * the listing of {@code /api}), encoded slashes, empty segments and {@code ;} parameters, in any encoding.
     */
    static void checkPath(String rawUri) {
        if (rawUri == null) {
            return;
        }
        String lower = rawUri.toLowerCase(Locale.ROOT);
        if (lower.contains(";") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")
                || lower.contains("%00") || lower.contains("//")) {
            throw ApiException.badRequest(null, "the path must not contain ';', empty segments or encoded '/', '\\'"
                    + " or NUL");
        }
        for (String segment : lower.split("/", -1)) {
            String decodedDots = segment.replace("%2e", ".");
            if (decodedDots.equals(".") || decodedDots.equals("..")) {
                throw ApiException.badRequest(null, "the path must not contain '.' or '..' segments");
            }
        }
    }

    /**
     * The query string as name → values, percent-decoded as strict UTF-8 ({@code +} is a space). A bad escape,
     * bytes that are not UTF-8 (overlong forms included) or a control character is a 400 naming the parameter.
     */
    static Map<String, String[]> query(String raw) {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), null);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
                collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> query = new LinkedHashMap<>();
        collected.forEach((name, values) -> query.put(name, values.toArray(String[]::new)));
        return query;
    }

    private static String decode(String encoded, String parameter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw badQuery(parameter, "has a malformed %-escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c > 0x7e || c < 0x20) {
                throw badQuery(parameter, "has a character that must be %-escaped");
            } else {
                bytes.write(c);
            }
        }
        String decoded = utf8(bytes.toByteArray());
        if (decoded == null) {
            throw badQuery(parameter, "is not valid UTF-8 once decoded");
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (Character.isISOControl(decoded.charAt(i))) {
                throw badQuery(parameter, "contains a control character");
            }
        }
        return decoded;
    }

    private static ApiException badQuery(String parameter, String problem) {
        return ApiException.badRequest(parameter, parameter == null ? "a query parameter name " + problem
                : "query parameter '" + parameter + "' " + problem);
    }

    /**
     * Refuses a JSON body that is not plain UTF-8: a byte-order mark, UTF-16 or UTF-32 (their NUL bytes), NUL,
     * malformed or overlong sequences. Jackson would guess the encoding and accept some of them.
     */
    static void checkBody(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            throw ApiException.badRequest(null, "the body starts with a byte-order mark; send UTF-8 without one");
        }
        for (byte b : body) {
            if (b == 0) {
                throw ApiException.badRequest(null, "the body contains NUL bytes (UTF-16 or UTF-32?); send UTF-8");
            }
        }
        if (utf8(body) == null) {
            throw ApiException.badRequest(null, "the body is not valid UTF-8");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
