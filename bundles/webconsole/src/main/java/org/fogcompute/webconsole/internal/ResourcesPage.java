package org.fogcompute.webconsole.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.pools.PoolCatalog;
import org.fogcompute.api.pools.PoolStats;
import org.fogcompute.api.resources.MemoryPressure;
import org.fogcompute.api.resources.ResourceAlert;
import org.fogcompute.api.resources.ResourceMonitor;
import org.fogcompute.api.resources.ResourceSample;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Resources: the host's and the runtime's cpu, memory, disk and network now and over the kept history (a live chart
 * fed by {@code resources.json}), trends, the alert list, recommendations, the memory pressure level and every pool.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + ResourcesPage.LABEL,
        "felix.webconsole.title=Resources",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class ResourcesPage extends ConsolePage {
    static final String LABEL = "fog-resources";
    private static final long serialVersionUID = 1L;

    private final transient ResourceMonitor monitor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MemoryPressure memory;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile PoolCatalog pools;

    @Activate
    public ResourcesPage(@Reference ResourceMonitor monitor, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.monitor = monitor;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        html.raw("<link rel=\"stylesheet\" href=\"").text(context.root() + "/res/uPlot.min.css").raw("\">");
        html.raw("<div id=\"fog-resources-live\" data-feed=\"").text(context.root() + "/resources.json").raw("\">");
        ResourceSample latest = monitor.latest().orElse(null);
        Map<ResourceSample.Resource, ResourceMonitor.Trend> trends = monitor.trends();
        html.raw("<div class=\"fog-cards\">");
        for (ResourceSample.Resource resource : ResourceSample.Resource.values()) {
            double value = latest == null ? Double.NaN : latest.value(resource);
            html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">").text(resource + " (" + trends.get(
                    resource).name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")").raw("</div>"
                    + "<div class=\"fog-card-value\" id=\"fog-resource-").text(resource.name()).raw("\">")
                    .text(percent(value)).raw("</div></div>");
        }
        MemoryPressure pressure = memory;
        if (pressure != null) {
            html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">Memory pressure</div>"
                    + "<div class=\"fog-card-value\" id=\"fog-memory-pressure\">").text(pressure.level())
                    .raw("</div></div>");
        }
        html.raw("</div>");
        html.raw("<h3>Host and runtime over time (%)</h3><div class=\"fog-chart\" id=\"fog-chart-resources\"></div>");
        html.raw("<h3>Alerts</h3><table class=\"nicetable fog-table\" id=\"fog-alert-table\">");
        html.headerRow("Resource", "Severity", "Value", "Threshold", "Raised", "Cleared");
        html.raw("<tbody>");
        List<ResourceAlert> alerts = monitor.recentAlerts(50);
        for (ResourceAlert a : alerts) {
            html.raw("<tr>").cell(a.resource()).cell(a.severity()).cell(percent(a.value()))
                    .cell(percent(a.threshold())).cell(a.raisedAt()).cell(a.active() ? "active" : a.clearedAt())
                    .raw("</tr>");
        }
        html.raw("</tbody></table>");
        if (alerts.isEmpty()) {
            html.raw("<p class=\"fog-muted\">No resource alert since the start.</p>");
        }
        html.raw("<h3>Recommendations</h3><ul id=\"fog-recommendations\">");
        for (ResourceMonitor.Recommendation r : monitor.recommendations()) {
            html.raw("<li>").text(r.action() + " — " + r.reason()).raw("</li>");
        }
        html.raw("</ul>");
        if (monitor.recommendations().isEmpty()) {
            html.raw("<p class=\"fog-muted\">Nothing to do: no resource is high or heading there.</p>");
        }
        pools(html);
        html.raw("</div>");
        html.raw("<script src=\"").text(context.root() + "/res/uPlot.iife.min.js").raw("\"></script>");
        html.raw("<script src=\"").text(context.root() + "/res/fog-resources.js").raw("\"></script>");
    }

    private void pools(Html html) {
        PoolCatalog catalog = pools;
        if (catalog == null) {
            return;
        }
        html.raw("<h3>Pools</h3><table class=\"nicetable fog-table\" id=\"fog-pool-table\">");
        html.headerRow("Pool", "Kind", "Size", "Max", "Active", "Idle", "Waiting", "Created", "Reused", "Reuse rate",
                "Note");
        html.raw("<tbody>");
        for (PoolStats p : catalog.pools()) {
            html.raw("<tr>").cell(p.name()).cell(p.kind()).cell(known(p.size())).cell(known(p.max()))
                    .cell(known(p.active())).cell(known(p.idle())).cell(known(p.waiting())).cell(known(p.created()))
                    .cell(known(p.reused())).cell(p.reuseRate() < 0 ? "n/a" : percent(100 * p.reuseRate()))
                    .cell(p.note()).raw("</tr>");
        }
        html.raw("</tbody></table>");
    }

    private static String known(long value) {
        return value < 0 ? "n/a" : Long.toString(value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    @Override
    String json(String name, HttpServletRequest request) {
        return name.equals("resources") ? resourcesJson(monitor.history(1000)) : null;
    }

    /** The kept samples as columns for the chart; only numbers (NaN as null). */
    static String resourcesJson(List<ResourceSample> samples) {
        StringBuilder json = new StringBuilder(128 + samples.size() * 96);
        json.append("{\"time\":[");
        for (int i = 0; i < samples.size(); i++) {
            json.append(i == 0 ? "" : ",").append(samples.get(i).at().toEpochMilli() / 1000.0);
        }
        json.append(']');
        for (ResourceSample.Resource resource : ResourceSample.Resource.values()) {
            json.append(",\"").append(resource.name()).append("\":[");
            for (int i = 0; i < samples.size(); i++) {
                double value = samples.get(i).value(resource);
                json.append(i == 0 ? "" : ",").append(Double.isNaN(value) ? "null"
                        : String.format(Locale.ROOT, "%.2f", value));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }
}
