package org.fogcompute.jetty.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's server-wide error handler, answering the requests Jetty refuses while parsing them (a NUL in the path, an
 * illegal character in a header, a malformed request line) with the REST API's error document,
 * {@code {"error": "..."}}, instead of the HTML page "Bad Message 400"; and never with a stack trace. Errors raised
 * inside a servlet are the servlet's (the API writes its own JSON).
 */
public class JsonErrorHandler extends ErrorHandler {
    public JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        if (HttpStatus.hasNoBody(status)) {
            return BufferUtil.EMPTY_BUFFER;
        }
        String message = reason == null ? HttpStatus.getMessage(status) : reason;
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        return BufferUtil.toBuffer(document("bad request: " + message), StandardCharsets.UTF_8);
    }

    /** {@code {"error": message}}, the message escaped as a JSON string. */
    static String document(String message) {
        StringBuilder json = new StringBuilder(message.length() + 16).append("{\"error\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append("\"}").toString();
    }
}
