package org.fogcompute.webconsole.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

/** An HttpServletRequest with the given parameters, attributes and query string; any other call answers null. */
final class FakeRequest {
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private String query;

    FakeRequest parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    FakeRequest attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    FakeRequest query(String text) {
        query = text;
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, call, args) -> switch (call.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getQueryString" -> query;
                    default -> null;
                });
    }
}
