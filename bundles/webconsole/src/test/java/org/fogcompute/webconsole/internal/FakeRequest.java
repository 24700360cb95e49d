package org.fogcompute.webconsole.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

/** An HttpServletRequest with the given parameters and headers; any other call answers null. */
final class FakeRequest {
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();

    FakeRequest parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> null;
                });
    }
}
