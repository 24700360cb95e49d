package org.fogcompute.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of the API: method, path template ({@code /nodes/{nodeId}}), who may call it, the handler, and
 * what the OpenAPI description says about it. The description is generated from these, so it cannot drift from
 * what is served.
 */
final class Route {
    /** Runs an operation; returns the response body, or a {@link Reply} to choose the status. */
    @FunctionalInterface
    interface Handler {
        Object handle(Call call);
    }

    /** A body with a status other than the route's default. */
    record Reply(int status, Object body) {
    }

    /** A file to download as it is, not JSON. */
    record Download(String contentType, String fileName, java.nio.file.Path file) {
    }

    enum Shape { ONE, PAGE, LIST }

    final String method;
    final String template;
    final Access access;
    final Handler handler;
    final String summary;
    private final String[] segments;
    String tag = "fog";
    int status = 200;
    Class<?> requestBody;
    Class<?> response;
    Shape shape = Shape.ONE;
    final Set<String> query = new LinkedHashSet<>();
    final List<Integer> errors = new ArrayList<>();

    Route(String method, String template, Access access, String summary, Handler handler) {
        this.method = method;
        this.template = template;
        this.access = access;
        this.summary = summary;
        this.handler = handler;
        this.segments = template.substring(1).split("/");
    }

    Route tag(String name) {
        this.tag = name;
        return this;
    }

    Route status(int code) {
        this.status = code;
        return this;
    }

    Route body(Class<?> type) {
        this.requestBody = type;
        return this;
    }

    Route returns(Class<?> type) {
        return returns(type, Shape.ONE);
    }

    Route returns(Class<?> type, Shape responseShape) {
        this.response = type;
        this.shape = responseShape;
        return this;
    }

    Route query(String... names) {
        query.addAll(List.of(names));
        return this;
    }

    Route errors(Integer... codes) {
        errors.addAll(List.of(codes));
        return this;
    }

    List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        for (String segment : segments) {
            if (segment.startsWith("{")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    /** The path parameters when {@code path} (split on '/', without the leading empty part) matches, else null. */
    Map<String, String> match(String[] path) {
        if (path.length != segments.length) {
            return null;
        }
        Map<String, String> parameters = null;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                if (parameters == null) {
                    parameters = new java.util.HashMap<>(4);
                }
                parameters.put(segment.substring(1, segment.length() - 1), path[i]);
            } else if (!segment.equals(path[i])) {
                return null;
            }
        }
        return parameters == null ? Map.of() : parameters;
    }
}
