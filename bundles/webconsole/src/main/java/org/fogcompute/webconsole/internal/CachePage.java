package org.fogcompute.webconsole.internal;

import java.util.List;
import java.util.Locale;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.cache.CacheStats;
import org.fogcompute.api.cache.FogCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The two-level cache: the shared level's state, and per namespace hits, misses and latency; clearing one. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + CachePage.LABEL,
        "felix.webconsole.title=Cache",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class CachePage extends ConsolePage {
    static final String LABEL = "fog-cache";
    private static final long serialVersionUID = 1L;

    private final transient CacheService cache;

    @Activate
    public CachePage(@Reference CacheService cache, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.cache = cache;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        CacheService.SharedLevel shared = cache.sharedLevel();
        html.raw("<p id=\"fog-cache-shared\">Shared level (Redis): ").text(!shared.configured()
                ? "not configured, memory only (set redis.uri in etc/org.fogcompute.cache.cfg)"
                : (shared.connected() ? "connected to " : "NOT connected, serving from memory: ") + shared.uri())
                .raw("</p>");
        List<CacheStats> stats = cache.stats();
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-cache-table\">");
        html.headerRow("Namespace", "Entries (memory)", "Hits", "from memory", "from Redis", "Misses", "Hit rate",
                "Loads", "Errors", "p50 µs", "p99 µs", "");
        html.raw("<tbody>");
        for (CacheStats namespace : stats) {
            html.raw("<tr data-namespace=\"").text(namespace.namespace()).raw("\">").cell(namespace.namespace())
                    .cell(namespace.entries()).cell(namespace.hits()).cell(namespace.memoryHits())
                    .cell(namespace.sharedHits()).cell(namespace.misses())
                    .cell(String.format(Locale.ROOT, "%.1f %%", 100 * namespace.hitRate())).cell(namespace.loads())
                    .cell(namespace.errors()).cell(String.format(Locale.ROOT, "%.1f", namespace.p50Micros()))
                    .cell(String.format(Locale.ROOT, "%.1f", namespace.p99Micros())).raw("<td>");
            context.button(html, "clear", "Clear", null, "Empty namespace " + namespace.namespace()
                    + " here and in Redis?", "namespace", namespace.namespace());
            html.raw("</td></tr>");
        }
        if (stats.isEmpty()) {
            html.raw("<tr><td colspan=\"12\">No namespace in use yet.</td></tr>");
        }
        html.raw("</tbody></table>");
    }

    @Override
    String act(String action, HttpServletRequest request) {
        if (!action.equals("clear")) {
            return super.act(action, request);
        }
        String namespace = NodesPage.required(request, "namespace");
        FogCache found = cache.existing(namespace)
                .orElseThrow(() -> new NotFoundException("unknown cache namespace " + namespace));
        found.clear();
        return "Cache namespace " + namespace + " cleared";
    }
}
