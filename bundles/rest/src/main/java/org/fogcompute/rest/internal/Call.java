package org.fogcompute.rest.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fogcompute.api.Checks;
import org.fogcompute.api.security.Caller;

/** One request as a handler sees it: who calls, the path parameters, the query and the body. */
final class Call {
    private final Caller caller;
    private final Map<String, String> pathParameters;
    private final Map<String, String[]> query;
    private final byte[] body;
    private final Json json;
    private final String from;
    private final String bearerToken;

    Call(Caller caller, Map<String, String> pathParameters, Map<String, String[]> query, byte[] body, Json json) {
        this(caller, pathParameters, query, body, json, "unknown", null);
    }

    Call(Caller caller, Map<String, String> pathParameters, Map<String, String[]> query, byte[] body, Json json,
         String from, String bearerToken) {
        this.from = from;
        this.bearerToken = bearerToken;
        this.caller = caller;
        this.pathParameters = pathParameters;
        this.query = query;
        this.body = body;
        this.json = json;
    }

    /** The authenticated caller; on public routes possibly an anonymous one without roles. */
    Caller caller() {
        return caller;
    }

    /** The client's address, for throttling and the audit log. */
    String from() {
        return from;
    }

    /** The bearer token the caller authenticated with, or null for an anonymous call. */
    String bearerToken() {
        return bearerToken;
    }

    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** A path parameter that must be an id ({@link Checks#ID_RULE}), or 422 naming it. */
    String id(String name) {
        String value = pathParameters.get(name);
        if (!Checks.isId(value)) {
            throw ApiException.unprocessable(name, name + " must be " + Checks.ID_RULE);
        }
        return value;
    }

    <T> T body(Class<T> type) {
        return json.read(body, type);
    }

    boolean hasBody() {
        return body.length > 0;
    }

    /** Rejects query parameters the route does not know, so that a typo does not silently widen a listing. */
    void allowQuery(Set<String> names) {
        for (String name : query.keySet()) {
            if (!names.contains(name)) {
                throw ApiException.badRequest(name, "unknown query parameter '" + name + "'; " + (names.isEmpty()
                        ? "this route takes none" : "allowed: " + String.join(", ", names.stream().sorted().toList())));
            }
        }
    }

    String query(String name) {
        String[] values = query.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw ApiException.badRequest(name, "query parameter '" + name + "' given " + values.length + " times");
        }
        if (values[0].length() > 256) {
            throw ApiException.badRequest(name, "query parameter '" + name + "' is longer than 256 characters");
        }
        return values[0];
    }

    int queryInt(String name, int fallback, int min, int max) {
        String value = query(name);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be an integer, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.unprocessable(name, name + " must be within " + min + ".." + max + ", got " + parsed);
        }
        return (int) parsed;
    }

    <E extends Enum<E>> E queryEnum(String name, Class<E> type) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(name, name + " must be one of " + java.util.Arrays.toString(
                    type.getEnumConstants()) + ", got '" + value + "'");
        }
    }
}
