package org.fogcompute.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.fogcompute.api.metrics.Histogram;
import org.fogcompute.api.metrics.MetricsSink;

/**
 * The REST API's requests for {@code /metrics}: counted by route template (never the path itself: ids would make the
 * labels unbounded), method and status class; latency by method.
 */
final class HttpMetrics {
    /** The route label of a request that matched no route. */
    static final String UNMATCHED = "unmatched";

    private record Key(String route, String method, String status) {
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();

    void served(String route, String method, int status, long nanos) {
        String known = switch (method) {
            case "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH" -> method;
            default -> "other";
        };
        requests.computeIfAbsent(new Key(route, known, (status / 100) + "xx"), k -> new LongAdder()).increment();
        latency.computeIfAbsent(known, m -> new Histogram(Histogram.LATENCY_SECONDS)).observeNanos(nanos);
    }

    void collect(MetricsSink sink) {
        requests.forEach((key, count) -> sink.counter("fog_http_requests_total", "REST requests by route template, "
                + "method and status class", count.sum(), "route", key.route(), "method", key.method(), "status",
                key.status()));
        latency.forEach((method, histogram) -> sink.histogram("fog_http_request_seconds", "REST request latency by "
                + "method", histogram.snapshot(), "method", method));
    }
}
