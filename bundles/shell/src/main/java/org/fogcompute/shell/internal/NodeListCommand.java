package org.fogcompute.shell.internal;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.Page;

@Service
@Command(scope = "fog", name = "node-list", description = "Lists registered nodes, with filters and paging")
public class NodeListCommand extends FogAction {
    @Reference(optional = true)
    NodeRegistry registry;

    @Option(name = "-s", aliases = "--status", description = "Only nodes in this status (ACTIVE, IDLE, BUSY, ...)")
    String status;

    @Option(name = "-t", aliases = "--type", description = "Only nodes of this type (EDGE_DEVICE, COMPUTE_NODE, ...)")
    String type;

    @Option(name = "-r", aliases = "--region", description = "Only nodes in this region")
    String region;

    @Option(name = "-l", aliases = "--label", description = "Only nodes with this label, key or key=value")
    String label;

    @Option(name = "--offset", description = "Skip this many matching nodes")
    int offset;

    @Option(name = "--limit", description = "Show at most this many nodes (1..10000)")
    int limit = 100;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        String labelKey = null;
        String labelValue = null;
        if (label != null) {
            Map.Entry<String, String> pair = label.contains("=")
                    ? Values.labels(List.of(label)).entrySet().iterator().next() : null;
            labelKey = pair == null ? label : pair.getKey();
            labelValue = pair == null ? null : pair.getValue();
        }
        Page<Node> page = registry.list(new NodeQuery(Values.enumValue(NodeStatus.class, "status", status),
                Values.enumValue(NodeType.class, "type", type), region, labelKey, labelValue, offset, limit));
        Tables.nodes(page.items(), System.out, !noFormat);
        if (!noFormat && page.total() > page.items().size()) {
            System.out.println("Showing " + page.items().size() + " of " + page.total() + " nodes (--offset "
                    + offset + ", --limit " + limit + ")");
        }
        return null;
    }
}
