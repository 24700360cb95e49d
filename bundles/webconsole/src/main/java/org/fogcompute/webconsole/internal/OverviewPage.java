package org.fogcompute.webconsole.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.TopologySnapshot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The network at a glance: nodes by status, type and region, capacity used and free, tasks by state, and two charts
 * that follow the fleet live (node status over time, routing decisions per second), fed by {@code overview.json}.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + OverviewPage.LABEL,
        "felix.webconsole.title=Overview",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class OverviewPage extends ConsolePage {
    static final String LABEL = "fog-overview";
    private static final long serialVersionUID = 1L;

    private final transient TopologyService topology;
    private final transient NodeRegistry registry;
    private final transient FleetSampler sampler;

    @Activate
    public OverviewPage(@Reference TopologyService topology, @Reference NodeRegistry registry,
                        @Reference FleetSampler sampler, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.topology = topology;
        this.registry = registry;
        this.sampler = sampler;
    }

    /** One region of the fleet: how many nodes, how many take work, and their free capacity. */
    static final class RegionSummary {
        int nodes;
        int acceptingWork;
        long freeCpu;
        long totalCpu;
        long freeMemoryMb;
        long totalMemoryMb;

        void add(Node node) {
            nodes++;
            acceptingWork += node.acceptsWork() ? 1 : 0;
            freeCpu += node.freeCpu();
            totalCpu += node.capacity().cpuCores();
            freeMemoryMb += node.freeMemoryMb();
            totalMemoryMb += node.capacity().memoryMb();
        }
    }

    static Map<String, RegionSummary> byRegion(Iterable<Node> nodes) {
        Map<String, RegionSummary> regions = new TreeMap<>();
        for (Node node : nodes) {
            regions.computeIfAbsent(node.region(), region -> new RegionSummary()).add(node);
        }
        return regions;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        TopologySnapshot now = topology.current();
        html.raw("<link rel=\"stylesheet\" href=\"").text(context.root() + "/res/uPlot.min.css").raw("\">");
        html.raw("<div id=\"fog-overview-live\" data-feed=\"").text(context.root() + "/overview.json").raw("\">");
        html.raw("<div class=\"fog-cards\">");
        card(html, "Nodes", "nodes-total", Integer.toString(now.nodeCount()));
        card(html, "CPU free", "cpu-free", now.freeCpu() + " / " + now.totalCpu() + " cores");
        card(html, "Memory free", "memory-free", now.freeMemoryMb() + " / " + now.totalMemoryMb() + " MB");
        card(html, "Tasks running", "tasks-running", Integer.toString(now.runningTasks()));
        card(html, "Tasks assigned", "tasks-assigned", Integer.toString(now.assignedTasks()));
        card(html, "Tasks pending", "tasks-pending", Integer.toString(now.pendingTasks()));
        html.raw("</div><div class=\"fog-columns\">");
        counts(html, "Nodes by status", "status", NodeStatus.values(), now.nodesByStatus());
        counts(html, "Nodes by type", "type", NodeType.values(), now.nodesByType());
        html.raw("</div>");
        html.raw("<h3>Regions</h3><table class=\"nicetable fog-table\" id=\"fog-region-table\">");
        html.headerRow("Region", "Nodes", "Taking work", "CPU free", "Memory free (MB)");
        html.raw("<tbody>");
        byRegion(registry.list(NodeQuery.ALL).items()).forEach((region, summary) -> {
            html.raw("<tr><td>").link(context.page(NodesPage.LABEL) + "?region=" + Html.url(region), region)
                    .raw("</td>").cell(summary.nodes).cell(summary.acceptingWork)
                    .cell(summary.freeCpu + " / " + summary.totalCpu)
                    .cell(summary.freeMemoryMb + " / " + summary.totalMemoryMb).raw("</tr>");
        });
        if (now.nodeCount() == 0) {
            html.raw("<tr><td colspan=\"5\">No node registered yet.</td></tr>");
        }
        html.raw("</tbody></table>");
        html.raw("<h3>Node status over time</h3><div class=\"fog-chart\" id=\"fog-chart-status\"></div>");
        html.raw("<h3>Routing throughput (tasks routed per second)</h3>"
                + "<div class=\"fog-chart\" id=\"fog-chart-throughput\"></div>");
        html.raw("<p class=\"fog-muted\">Updated <span id=\"fog-updated\">").text(now.takenAt())
                .raw("</span></p></div>");
        html.raw("<script src=\"").text(context.root() + "/res/uPlot.iife.min.js").raw("\"></script>");
        html.raw("<script src=\"").text(context.root() + "/res/fog-overview.js").raw("\"></script>");
    }

    private static void card(Html html, String title, String id, String value) {
        html.raw("<div class=\"fog-card\"><div class=\"fog-card-title\">").text(title)
                .raw("</div><div class=\"fog-card-value\" id=\"fog-").text(id).raw("\">").text(value)
                .raw("</div></div>");
    }

    private static <E extends Enum<E>> void counts(Html html, String title, String kind, E[] keys,
                                                   Map<E, Integer> counts) {
        html.raw("<table class=\"tablesorter nicetable fog-counts\"><caption>").text(title).raw("</caption><tbody>");
        for (E key : keys) {
            html.raw("<tr><th>").text(key).raw("</th><td id=\"fog-").text(kind + "-" + key).raw("\">")
                    .text(counts.getOrDefault(key, 0)).raw("</td></tr>");
        }
        html.raw("</tbody></table>");
    }

    @Override
    String json(String name, HttpServletRequest request) {
        return name.equals("overview") ? overviewJson(topology.current(), sampler.samples()) : null;
    }

    /** The current topology and the sampled series; only numbers and enum names, nothing a user typed. */
    static String overviewJson(TopologySnapshot now, List<FleetSampler.Sample> samples) {
        StringBuilder json = new StringBuilder(256 + samples.size() * 64);
        json.append("{\"takenAt\":\"").append(now.takenAt()).append("\",\"nodes\":").append(now.nodeCount())
                .append(",\"totalCpu\":").append(now.totalCpu()).append(",\"freeCpu\":").append(now.freeCpu())
                .append(",\"totalMemoryMb\":").append(now.totalMemoryMb()).append(",\"freeMemoryMb\":")
                .append(now.freeMemoryMb()).append(",\"runningTasks\":").append(now.runningTasks())
                .append(",\"assignedTasks\":").append(now.assignedTasks()).append(",\"pendingTasks\":")
                .append(now.pendingTasks()).append(",\"byStatus\":");
        counts(json, NodeStatus.values(), now.nodesByStatus());
        json.append(",\"byType\":");
        counts(json, NodeType.values(), now.nodesByType());
        json.append(",\"series\":{\"time\":[");
        for (int i = 0; i < samples.size(); i++) {
            json.append(i == 0 ? "" : ",").append(samples.get(i).epochMillis() / 1000.0);
        }
        json.append("],\"routedPerSecond\":[");
        for (int i = 0; i < samples.size(); i++) {
            json.append(i == 0 ? "" : ",").append(Math.round(samples.get(i).routedPerSecond() * 10) / 10.0);
        }
        json.append("]");
        for (NodeStatus status : NodeStatus.values()) {
            json.append(",\"").append(status).append("\":[");
            for (int i = 0; i < samples.size(); i++) {
                json.append(i == 0 ? "" : ",")
                        .append(samples.get(i).topology().nodesByStatus().getOrDefault(status, 0));
            }
            json.append("]");
        }
        return json.append("}}").toString();
    }

    private static <E extends Enum<E>> void counts(StringBuilder json, E[] keys, Map<E, Integer> counts) {
        json.append("{");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(keys[i]).append("\":").append(counts.getOrDefault(keys[i], 0));
        }
        json.append("}");
    }
}
