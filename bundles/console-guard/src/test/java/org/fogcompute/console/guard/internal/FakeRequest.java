package org.fogcompute.console.guard.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/**
 * An HttpServletRequest with the given method, headers, cookies and attributes, over plain HTTP at
 * {@code /system/console}; any other call answers null.
 */
final class FakeRequest {
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final List<Cookie> cookies = new ArrayList<>();
    private String method = "POST";

    FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FakeRequest attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    FakeRequest cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    FakeRequest method(String name) {
        method = name;
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, call, args) -> switch (call.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                    case "getMethod" -> method;
                    case "getScheme" -> "http";
                    case "isSecure" -> false;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/system/console";
                    case "getRequestURI" -> "/system/console/configMgr";
                    case "getRemoteAddr" -> "127.0.0.1";
                    default -> null;
                });
    }
}
