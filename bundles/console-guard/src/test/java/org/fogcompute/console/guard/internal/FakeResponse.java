package org.fogcompute.console.guard.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

/** An HttpServletResponse that keeps its status, headers, cookies and body for the test to read. */
final class FakeResponse {
    final Map<String, String> headers = new HashMap<>();
    final List<Cookie> cookies = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = 200;

    String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    HttpServletResponse build() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, call, args) -> {
                    switch (call.getName()) {
                        case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "addCookie" -> cookies.add((Cookie) args[0]);
                        case "setStatus" -> status = (Integer) args[0];
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {
                            return null;
                        }
                    }
                    return null;
                });
    }
}
