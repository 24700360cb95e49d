package org.fogcompute.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.rest.internal.Bodies.BatchRegistration;
import org.fogcompute.rest.internal.Bodies.Heartbeat;
import org.fogcompute.rest.internal.Bodies.NodeRegistration;
import org.fogcompute.rest.internal.Bodies.StatusChange;
import org.fogcompute.rest.internal.Route.Shape;
import org.fogcompute.rest.internal.Views.NodeList;
import org.fogcompute.rest.internal.Views.NodeView;
import org.fogcompute.rest.internal.Views.PageView;
import org.fogcompute.rest.internal.Views.TaskView;

/** /api/nodes: registration, listing, status, heartbeats, removal and a node's own tasks. */
final class NodeResource {
    private static final String NODE_ID = "nodeId";
    private final Supplier<NodeRegistry> registry;
    private final Supplier<TaskService> tasks;
    private final int maxBatch;

    NodeResource(Supplier<NodeRegistry> registry, Supplier<TaskService> tasks, int maxBatch) {
        this.registry = registry;
        this.tasks = tasks;
        this.maxBatch = maxBatch;
    }

    void register(Router router) {
        router.get("/nodes", Access.VIEWER, "List nodes, filtered and paged", this::list).tag("nodes")
                .query("status", "type", "region", "label", "offset", "limit").returns(NodeView.class, Shape.PAGE);
        router.post("/nodes", Access.ADMIN, "Register a node", this::registerOne).tag("nodes").status(201)
                .body(NodeRegistration.class).returns(NodeView.class).errors(409);
        router.post("/nodes/batch", Access.ADMIN, "Register several nodes, all or none", this::registerBatch)
                .tag("nodes").status(201).body(BatchRegistration.class).returns(NodeList.class).errors(409);
        router.get("/nodes/{nodeId}", Access.orNodeItself(Access.VIEWER, NODE_ID), "One node", this::get)
                .tag("nodes").returns(NodeView.class).errors(404);
        router.put("/nodes/{nodeId}/status", Access.orNodeItself(Access.ADMIN, NODE_ID),
                "Declare a node ACTIVE, IDLE or MAINTENANCE (a node itself cannot leave MAINTENANCE: 409)",
                this::status).tag("nodes").body(StatusChange.class).returns(NodeView.class).errors(404, 409);
        router.post("/nodes/{nodeId}/heartbeat", Access.orNodeItself(Access.ADMIN, NODE_ID),
                "Heartbeat with current load", this::heartbeat).tag("nodes").body(Heartbeat.class)
                .returns(NodeView.class).errors(404);
        router.delete("/nodes/{nodeId}", Access.ADMIN, "Remove a node; its tasks are re-routed", this::remove)
                .tag("nodes").returns(NodeView.class).errors(404);
        router.get("/nodes/{nodeId}/tasks", Access.orNodeItself(Access.VIEWER, NODE_ID),
                "Tasks assigned to or run by a node", this::assignments).tag("nodes")
                .query("status", "offset", "limit").returns(TaskView.class, Shape.PAGE).errors(404);
    }

    private NodeRegistry registry() {
        return Services.require(registry, "the node registry");
    }

    private Object list(Call call) {
        call.allowQuery(Set.of("status", "type", "region", "label", "offset", "limit"));
        String label = call.query("label");
        String labelKey = null;
        String labelValue = null;
        if (label != null) {
            int eq = label.indexOf('=');
            labelKey = eq < 0 ? label : label.substring(0, eq);
            labelValue = eq < 0 ? null : label.substring(eq + 1);
            if (!org.fogcompute.api.Checks.isId(labelKey)) {
                throw ApiException.unprocessable("label", "label must be key or key=value with a key of "
                        + "[A-Za-z0-9._:-]");
            }
        }
        NodeQuery query = new NodeQuery(call.queryEnum("status", NodeStatus.class),
                call.queryEnum("type", NodeType.class), call.query("region"), labelKey, labelValue,
                call.queryInt("offset", 0, 0, Integer.MAX_VALUE), call.queryInt("limit", 100, 1, NodeQuery.MAX_LIMIT));
        return PageView.of(registry().list(query), NodeView::of);
    }

    private Object registerOne(Call call) {
        NodeSpec spec = spec(call.body(NodeRegistration.class), null);
        return NodeView.of(registry().register(spec));
    }

    private Object registerBatch(Call call) {
        BatchRegistration batch = call.body(BatchRegistration.class);
        if (batch.nodes() == null || batch.nodes().isEmpty()) {
            throw ApiException.unprocessable("nodes", "nodes must list at least one node");
        }
        if (batch.nodes().size() > maxBatch) {
            throw new ApiException(413, "nodes", "at most " + maxBatch + " nodes per batch, got "
                    + batch.nodes().size());
        }
        List<NodeSpec> specs = new java.util.ArrayList<>(batch.nodes().size());
        for (int i = 0; i < batch.nodes().size(); i++) {
            if (batch.nodes().get(i) == null) {
                throw ApiException.badRequest("nodes[" + i + "]", "nodes[" + i + "] is null");
            }
            specs.add(spec(batch.nodes().get(i), "nodes[" + i + "]"));
        }
        return new NodeList(registry().registerAll(specs).stream().map(NodeView::of).toList());
    }

    /** Domain validation failures inside a batch name the element: nodes[3].capacity. */
    static NodeSpec spec(NodeRegistration registration, String prefix) {
        try {
            return registration.toSpec();
        } catch (ValidationException e) {
            throw ApiException.unprocessable(prefix == null ? e.field() : prefix + "." + e.field(), e.getMessage());
        }
    }

    private Object get(Call call) {
        String id = call.id(NODE_ID);
        return NodeView.of(registry().findNode(id).orElseThrow(() -> NotFoundException.node(id)));
    }

    private Object status(Call call) {
        String id = call.id(NODE_ID);
        StatusChange change = call.body(StatusChange.class);
        if (change.status() == null) {
            throw ApiException.unprocessable("status", "status is required: ACTIVE, IDLE or MAINTENANCE");
        }
        if (!change.status().isDeclarable()) {
            throw ApiException.unprocessable("status", "a node may be declared ACTIVE, IDLE or MAINTENANCE, not "
                    + change.status());
        }
        // an admin decides; a node declaring its own status cannot leave an operator's MAINTENANCE (409)
        return NodeView.of(call.caller().isAdmin() ? registry().updateStatus(id, change.status())
                : registry().declareOwnStatus(id, change.status()));
    }

    private Object heartbeat(Call call) {
        String id = call.id(NODE_ID);
        Heartbeat beat = call.body(Heartbeat.class);
        return NodeView.of(registry().heartbeat(id, beat.toMetrics()));
    }

    private Object remove(Call call) {
        return NodeView.of(registry().unregister(call.id(NODE_ID)));
    }

    private Object assignments(Call call) {
        call.allowQuery(Set.of("status", "offset", "limit"));
        String id = call.id(NODE_ID);
        if (registry().findNode(id).isEmpty()) {
            throw NotFoundException.node(id);
        }
        TaskQuery query = new TaskQuery(call.queryEnum("status", TaskStatus.class), id,
                call.queryInt("offset", 0, 0, Integer.MAX_VALUE), call.queryInt("limit", 100, 1, NodeQuery.MAX_LIMIT));
        return PageView.of(Services.require(tasks, "the task service").list(query), TaskView::of);
    }
}
