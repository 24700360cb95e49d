package org.fogcompute.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client of the REST API on loopback, speaking as whoever holds {@code token} (null: anonymous). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String base;

    Api(int port) {
        this("http://127.0.0.1:" + port, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** The API at another address (e.g. https://localhost:8443) through the given client (e.g. its TLS trust). */
    Api(String origin, HttpClient client) {
        this.base = origin + "/api";
        this.client = client;
    }

    /** A response: status, body parsed as JSON when it is JSON, and the raw response for headers. */
    record Reply(int status, JsonNode json, String body, HttpResponse<String> raw) {
        String error() {
            return json == null || json.get("error") == null ? null : json.get("error").asText();
        }

        String field() {
            return json == null || json.get("field") == null ? null : json.get("field").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply get(String token, String path) {
        return send(token, "GET", path, null, null);
    }

    Reply post(String token, String path, String body) {
        return send(token, "POST", path, body, "application/json");
    }

    Reply put(String token, String path, String body) {
        return send(token, "PUT", path, body, "application/json");
    }

    Reply delete(String token, String path) {
        return send(token, "DELETE", path, null, null);
    }

    Reply send(String token, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request.build());
    }

    /** Sends the body's bytes as they are, for bodies that are not UTF-8 on purpose. */
    Reply sendBytes(String token, String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request.build());
    }

    Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * Gives a user credits as an admin does (opening their account first), so that the tasks they submit can be paid
     * for: who submits a task pays for it.
     */
    void fund(String adminToken, String user, long credits) {
        Reply opened = post(adminToken, "/ledger/accounts", "{\"id\":\"" + user + "\",\"kind\":\"SUBMITTER\"}");
        Reply granted = post(adminToken, "/ledger/grants", "{\"account\":\"" + user + "\",\"credits\":" + credits
                + "}");
        if (opened.status() != 201 || granted.status() != 201) {
            throw new AssertionError("funding " + user + ": " + opened + " / " + granted);
        }
    }

    /**
     * Logs in and returns the bearer token, failing the test when the API refuses. A 503 "retry shortly" is retried,
     * as a client does: the token service is away for a moment whenever a JAAS realm registering late re-activates
     * the user realm behind it, which can be just after a start said ready.
     */
    String login(String username, String password) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        Reply reply;
        do {
            reply = post(null, "/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + password
                    + "\"}");
            if (reply.status() == 503) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        } while (reply.status() == 503 && System.nanoTime() < deadline);
        if (reply.status() != 200) {
            throw new AssertionError("login of " + username + " refused: " + reply);
        }
        return reply.json().get("access_token").asText();
    }
}
