package org.fogcompute.metrics.internal;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.fogcompute.api.metrics.MetricsSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: the Prometheus text exposition (the Prometheus Java client's model and text format) of the
 * JVM and of every {@link MetricsSource} registered now, a whiteboard that fog services join and leave with their bundles.
 * Scrapers authenticate with the scrape token or come from a network allowed without one (by default the host only).
 */
@Component(service = Servlet.class, configurationPid = MetricsServlet.PID,
        property = {"fog.service.name=metrics", "fog.service.critical=false"})
@HttpWhiteboardServletPattern("/metrics")
@HttpWhiteboardServletName("fog-metrics")
@Designate(ocd = MetricsServlet.Config.class)
public final class MetricsServlet extends HttpServlet {
    static final String PID = "org.fogcompute.metrics";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

    @ObjectClassDefinition(name = "Fog metrics", description = "Prometheus exposition at /metrics")
    public @interface Config {
        @AttributeDefinition(name = "Scrape token", description = "Empty: data/fog/metrics-scrape.token, generated "
                + "at first start (owner-only); scrapers send it as a bearer token")
        String scrape_token() default "";

        @AttributeDefinition(name = "Networks allowed without the token", description = "CIDR, comma-separated; "
                + "empty: the token everywhere")
        String[] allow_without_token() default {"127.0.0.1/32", "::1/128"};
    }

    private final transient JvmSource jvm = new JvmSource();
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final transient List<MetricsSource> sources = new CopyOnWriteArrayList<>();
    private transient volatile ScrapeGuard guard;
    private transient volatile double lastScrapeSeconds;
    private transient volatile long problemsLogged;

    @Activate
    public MetricsServlet(Config config) {
        configure(config);
    }

    @Modified
    void configure(Config config) {
        guard = new ScrapeGuard(ScrapeGuard.tokenOf(config.scrape_token(), Paths.get(System.getProperty("karaf.data",
                "data"), "fog", "metrics-scrape.token")), ScrapeGuard.networks(config.allow_without_token()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricsSource source) {
        sources.add(source);
    }

    void removeSource(MetricsSource source) {
        sources.remove(source);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!guard.admits(request.getRemoteAddr(), request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"fog-metrics\"");
            response.setStatus(401);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("scrape token required (Authorization: Bearer <token>, see "
                    + "etc/org.fogcompute.metrics.cfg)\n");
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        writer.write(body, scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        response.setStatus(200);
        response.setContentType(writer.getContentType());
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    /** The JVM's metrics, then every source's (a source that fails is left out of this scrape). */
    MetricSnapshots scrape() {
        long started = System.nanoTime();
        List<MetricSnapshot> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        SnapshotSink sink = new SnapshotSink();
        jvm.collect(sink);
        int failed = 0;
        for (MetricsSource source : sources) {
            try {
                source.collect(sink);
            } catch (RuntimeException e) {
                failed++;
                LOG.debug("A metrics source failed: {}", e.toString());
            }
        }
        for (MetricSnapshot snapshot : sink.snapshots(names)) {
            all.add(snapshot);
            names.add(snapshot.getMetadata().getName());
        }
        if (!sink.problems().isEmpty() && problemsLogged++ % 100 == 0) {
            LOG.warn("Metrics left out of the scrape: {}", sink.problems());
        }
        SnapshotSink own = new SnapshotSink();
        own.gauge("fog_metrics_series_dropped", "Series the sources wrote that the last scrape left out "
                + "(malformed, or a family with too many series)", sink.dropped());
        own.gauge("fog_metrics_sources", "Metrics sources registered", sources.size());
        own.gauge("fog_metrics_sources_failed", "Sources that failed in the last scrape", failed);
        own.gauge("fog_metrics_scrape_seconds", "How long the previous scrape took", lastScrapeSeconds);
        all.addAll(own.snapshots(names));
        lastScrapeSeconds = (System.nanoTime() - started) / 1e9;
        return new MetricSnapshots(all);
    }
}
