package org.fogcompute.rest.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The API's routes, in the order they are matched. */
final class Router {
    private final List<Route> routes = new ArrayList<>();

    Route get(String template, Access access, String summary, Route.Handler handler) {
        return add(new Route("GET", template, access, summary, handler));
    }

    Route post(String template, Access access, String summary, Route.Handler handler) {
        return add(new Route("POST", template, access, summary, handler));
    }

    Route put(String template, Access access, String summary, Route.Handler handler) {
        return add(new Route("PUT", template, access, summary, handler));
    }

    Route delete(String template, Access access, String summary, Route.Handler handler) {
        return add(new Route("DELETE", template, access, summary, handler));
    }

    private Route add(Route route) {
        routes.add(route);
        return route;
    }

    List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** A match, or 404 for an unknown path, or 405 (with the allowed methods) for a known path. */
    Match find(String method, String path) {
        String[] parts = split(path);
        TreeSet<String> allowed = null;
        for (Route route : routes) {
            Map<String, String> parameters = route.match(parts);
            if (parameters == null) {
                continue;
            }
            if (route.method.equals(method) || ("HEAD".equals(method) && "GET".equals(route.method))) {
                return new Match(route, parameters);
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
            }
            allowed.add(route.method);
        }
        if (allowed != null) {
            throw new ApiException(405, null, method + " is not allowed here; allowed: " + String.join(", ", allowed),
                    Map.of("Allow", String.join(", ", allowed)));
        }
        throw new ApiException(404, null, "no such resource: /api" + (path.length() > 100 ? path.substring(0, 100)
                + "…" : path));
    }

    record Match(Route route, Map<String, String> parameters) {
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
