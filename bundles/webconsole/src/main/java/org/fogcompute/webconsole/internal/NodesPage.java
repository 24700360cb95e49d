package org.fogcompute.webconsole.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The fleet as a table, sorted and filtered on the server (it may hold ten thousand nodes), and one node in detail
 * with its tasks and heartbeat age; an admin sets a node's status or removes it.
 */
@Component(service = Servlet.class, configurationPid = ConsoleSettings.PID, property = {
        "felix.webconsole.label=" + NodesPage.LABEL,
        "felix.webconsole.title=Nodes",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class NodesPage extends ConsolePage {
    static final String LABEL = "fog-nodes";
    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static final long serialVersionUID = 1L;
    private static final List<String> DECLARABLE = Arrays.stream(NodeStatus.values())
            .filter(NodeStatus::isDeclarable).map(Enum::name).toList();

    /** The sortable columns: their key in the address, header and order. */
    enum Column {
        ID("Id", Comparator.comparing(Node::id)),
        TYPE("Type", Comparator.comparing(Node::type)),
        STATUS("Status", Comparator.comparing(Node::status)),
        REGION("Region", Comparator.comparing(Node::region)),
        LOAD("Load %", Comparator.comparingDouble(Node::loadPercent)),
        CPU("CPU free", Comparator.comparingInt(Node::freeCpu)),
        MEMORY("Memory free (MB)", Comparator.comparingLong(Node::freeMemoryMb)),
        TASKS("Active tasks", Comparator.comparingInt(Node::activeTasks)),
        HEARTBEAT("Last heartbeat", Comparator.comparing(Node::lastHeartbeat,
                Comparator.nullsFirst(Comparator.naturalOrder())));

        final String header;
        final Comparator<Node> order;

        Column(String header, Comparator<Node> order) {
            this.header = header;
            this.order = order;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Column of(String key) {
            for (Column column : values()) {
                if (column.key().equals(key)) {
                    return column;
                }
            }
            return ID;
        }
    }

    private final transient NodeRegistry registry;
    private final transient TaskService tasks;
    private final int pageSize;

    @Activate
    public NodesPage(@Reference NodeRegistry registry, @Reference TaskService tasks, @Reference CsrfGuard csrf,
                     @Reference Flash flash, ConsoleSettings settings) {
        super(LABEL, csrf, flash);
        this.registry = registry;
        this.tasks = tasks;
        this.pageSize = Math.max(1, settings.page_size());
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        String nodeId = request.getParameter("node");
        if (nodeId != null) {
            detail(html, context, nodeId);
        } else {
            table(html, context, NodeFilter.of(request));
        }
    }

    /** The table's filter, sort and page, as read from the address and written back into links. */
    record NodeFilter(String text, NodeStatus status, NodeType type, String region, Column sort, boolean descending,
                      int offset) {
        static NodeFilter of(HttpServletRequest request) {
            return new NodeFilter(blankToNull(request.getParameter("q")),
                    parse(NodeStatus.class, request.getParameter("status")),
                    parse(NodeType.class, request.getParameter("type")), blankToNull(request.getParameter("region")),
                    Column.of(request.getParameter("sort")), "desc".equals(request.getParameter("dir")),
                    parseOffset(request.getParameter("offset")));
        }

        boolean matches(Node node) {
            if (text == null) {
                return true;
            }
            String needle = text.toLowerCase(Locale.ROOT);
            return node.id().toLowerCase(Locale.ROOT).contains(needle)
                    || node.spec().labels().entrySet().stream().anyMatch(label ->
                    (label.getKey() + "=" + label.getValue()).toLowerCase(Locale.ROOT).contains(needle));
        }

        /** The query string for these settings with {@code sort}, {@code descending} and {@code offset} replaced. */
        String query(Column newSort, boolean newDescending, int newOffset) {
            StringBuilder query = new StringBuilder();
            append(query, "q", text);
            append(query, "status", status == null ? null : status.name());
            append(query, "type", type == null ? null : type.name());
            append(query, "region", region);
            append(query, "sort", newSort.key());
            append(query, "dir", newDescending ? "desc" : "asc");
            if (newOffset > 0) {
                append(query, "offset", Integer.toString(newOffset));
            }
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(Html.url(value));
            }
        }
    }

    private void table(Html html, Context context, NodeFilter filter) {
        List<Node> matching = new ArrayList<>();
        for (Node node : registry.list(new NodeQuery(filter.status(), filter.type(), filter.region(), null, null, 0,
                NodeQuery.MAX_LIMIT)).items()) {
            if (filter.matches(node)) {
                matching.add(node);
            }
        }
        Comparator<Node> order = filter.sort().order.thenComparing(Node::id);
        matching.sort(filter.descending() ? order.reversed() : order);

        html.raw("<form method=\"get\" class=\"fog-filter\" action=\"").text(context.root()).raw("\">");
        html.raw("<label>Id or label <input type=\"search\" name=\"q\" id=\"q\" value=\"").text(filter.text())
                .raw("\"></label> <label>Status ");
        html.select("status", filter.status() == null ? null : filter.status().name(), "any", names(NodeStatus.values()));
        html.raw("</label> <label>Type ");
        html.select("type", filter.type() == null ? null : filter.type().name(), "any", names(NodeType.values()));
        html.raw("</label> <label>Region <input type=\"text\" name=\"region\" id=\"region\" value=\"")
                .text(filter.region()).raw("\"></label>");
        html.hidden("sort", filter.sort().key()).hidden("dir", filter.descending() ? "desc" : "asc");
        html.raw(" <button type=\"submit\" class=\"ui-state-default ui-corner-all\">Filter</button> ");
        html.link(context.root(), "Clear").raw("</form>");

        html.raw("<p class=\"fog-muted\" id=\"fog-node-count\">").text(matching.size() + " of " + registry.size()
                + " nodes").raw("</p>");
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-node-table\"><thead><tr>");
        for (Column column : Column.values()) {
            boolean current = column == filter.sort();
            boolean nextDescending = current && !filter.descending();
            html.raw("<th" + (current ? " aria-sort=\"" + (filter.descending() ? "descending" : "ascending") + "\""
                    : "") + ">");
            html.link("?" + filter.query(column, nextDescending, 0), column.header + (current
                    ? (filter.descending() ? " ▼" : " ▲") : ""));
            html.raw("</th>");
        }
        html.raw("<th>Labels</th></tr></thead><tbody>");
        Instant now = Instant.now();
        int end = Math.min(matching.size(), filter.offset() + pageSize);
        for (Node node : matching.subList(Math.min(filter.offset(), end), end)) {
            html.raw("<tr data-node=\"").text(node.id()).raw("\"><td>");
            html.link("?node=" + Html.url(node.id()), node.id()).raw("</td>");
            html.cell(node.type()).cell(node.status()).cell(node.region())
                    .cell(String.format(Locale.ROOT, "%.0f", node.loadPercent()))
                    .cell(node.freeCpu() + " / " + node.capacity().cpuCores())
                    .cell(node.freeMemoryMb() + " / " + node.capacity().memoryMb())
                    .cell(node.activeTasks()).cell(age(node.lastHeartbeat(), now)).cell(labels(node.spec().labels()));
            html.raw("</tr>");
        }
        if (matching.isEmpty()) {
            html.raw("<tr><td colspan=\"10\">No node matches.</td></tr>");
        }
        html.raw("</tbody></table>");
        if (matching.size() > pageSize) {
            html.raw("<p class=\"fog-pages\">");
            if (filter.offset() > 0) {
                html.link("?" + filter.query(filter.sort(), filter.descending(), Math.max(0, filter.offset() - pageSize)),
                        "← previous").raw(" ");
            }
            html.text("rows " + (filter.offset() + 1) + "–" + end + " ");
            if (end < matching.size()) {
                html.link("?" + filter.query(filter.sort(), filter.descending(), end), "next →");
            }
            html.raw("</p>");
        }
    }

    private void detail(Html html, Context context, String nodeId) {
        html.raw("<p>").link(context.root(), "← all nodes").raw("</p>");
        Optional<Node> found = registry.findNode(nodeId);
        if (found.isEmpty()) {
            html.raw("<p class=\"fog-flash fog-error\" role=\"alert\">").text("No node " + nodeId
                    + " (removed, or never registered)").raw("</p>");
            return;
        }
        Node node = found.get();
        html.raw("<h3>Node <span id=\"fog-node-id\">").text(node.id()).raw("</span></h3>");
        html.raw("<table class=\"nicetable fog-props\" id=\"fog-node-detail\"><tbody>");
        row(html, "Status", node.status());
        row(html, "Type", node.type());
        row(html, "Region", node.region());
        row(html, "Address", node.spec().address() == null ? "" : node.spec().address() + ":" + node.spec().port());
        row(html, "Capacity", node.capacity().cpuCores() + " cores, " + node.capacity().memoryMb() + " MB memory, "
                + node.capacity().storageMb() + " MB storage, " + node.capacity().gpuCount() + " GPU");
        row(html, "Reserved", node.reservedCpu() + " cores, " + node.reservedMemoryMb() + " MB");
        if (node.deviceClass() != null) {
            row(html, "Device class", node.deviceClass());
        }
        row(html, "Allocatable", node.allocation().reason() == null ? "all of it"
                : node.allocation().cpuCores() + " cores, " + node.allocation().memoryMb() + " MB: "
                + node.allocation().reason());
        var device = node.metrics().device();
        if (device.batteryPercent() != null || device.cpuTemperatureC() != null || device.localHour() != null) {
            row(html, "Device", "battery " + orDash(device.batteryPercent()) + " %"
                    + (Boolean.TRUE.equals(device.charging()) ? " (charging)" : "") + ", cpu "
                    + orDash(device.cpuTemperatureC()) + " °C, metered network " + orDash(device.meteredNetwork())
                    + ", user active " + orDash(device.userActive()) + ", local hour " + orDash(device.localHour()));
        }
        row(html, "Load", String.format(Locale.ROOT, "%.1f %% (cpu reported %.1f %%, memory %.1f %%)",
                node.loadPercent(), node.metrics().cpuPercent(), node.metrics().memoryPercent()));
        row(html, "Heartbeat age", age(node.lastHeartbeat(), Instant.now()));
        row(html, "Tasks", node.activeTasks() + " active, " + node.completedTasks() + " completed, "
                + node.failedTasks() + " failed");
        row(html, "Onion routing", node.spec().onionCapable() ? "yes" : "no");
        row(html, "Reputation", node.spec().reputation());
        row(html, "Labels", labels(node.spec().labels()));
        row(html, "Registered", node.registeredAt());
        html.raw("</tbody></table>");

        String back = "node=" + Html.url(node.id());
        html.raw("<div class=\"fog-actions\"><form method=\"post\" class=\"fog-inline\" action=\"").text(context.root())
                .raw("\">");
        context.hiddenFields(html, "set-status", back);
        html.hidden("node", node.id()).raw("<label>Status ");
        html.select("status", node.status().name(), null, DECLARABLE);
        html.raw("</label> <button type=\"submit\" class=\"ui-state-default ui-corner-all\" id=\"fog-set-status\">"
                + "Set status</button></form> ");
        context.button(html, "remove", "Remove node", null, "Remove node " + node.id()
                + "? Its tasks are routed to other nodes.", "node", node.id());
        html.raw("</div>");

        List<Task> onNode = tasks.list(new TaskQuery(null, node.id(), 0, 200)).items();
        html.raw("<h3>Tasks on this node</h3><table class=\"nicetable fog-table\" id=\"fog-node-tasks\">");
        html.headerRow("Task", "Status", "Type", "Priority", "Routed by", "Submitted");
        html.raw("<tbody>");
        for (Task task : onNode) {
            html.raw("<tr>").cell(task.id()).cell(task.status()).cell(task.spec().type()).cell(task.priority())
                    .cell(task.routedBy()).cell(task.submittedAt()).raw("</tr>");
        }
        if (onNode.isEmpty()) {
            html.raw("<tr><td colspan=\"6\">No task on this node.</td></tr>");
        }
        html.raw("</tbody></table>");
    }

    @Override
    String act(String action, HttpServletRequest request) {
        String nodeId = required(request, "node");
        return switch (action) {
            case "set-status" -> {
                NodeStatus status = parse(NodeStatus.class, required(request, "status"));
                if (status == null || !status.isDeclarable()) {
                    throw new IllegalArgumentException("a node may be set ACTIVE, IDLE or MAINTENANCE, not "
                            + request.getParameter("status"));
                }
                yield "Node " + nodeId + " is now " + registry.updateStatus(nodeId, status).status();
            }
            case "remove" -> {
                registry.unregister(nodeId);
                yield "Node " + nodeId + " removed";
            }
            default -> super.act(action, request);
        };
    }

    private static void row(Html html, String name, Object value) {
        html.raw("<tr><th>").text(name).raw("</th>").cell(value).raw("</tr>");
    }

    static String age(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        long seconds = age.getSeconds();
        return seconds < 120 ? seconds + " s ago" : seconds < 7200 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(", "));
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.trim();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " " + value + " does not exist");
        }
    }

    private static int parseOffset(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
