package org.fogcompute.coordinator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fogcompute.api.CoordinatorHealth;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.RequestHandler;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.TopologySnapshot;
import org.fogcompute.api.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Translates typed requests ({@code compute_task}, {@code query_status}, {@code update_metrics}) into service calls. */
@Component(service = RequestHandler.class)
public class RequestDispatcher implements RequestHandler {
    private final NodeRegistry nodes;
    private final TaskService tasks;
    private final TopologyService topology;

    @Activate
    public RequestDispatcher(@Reference NodeRegistry nodes, @Reference TaskService tasks,
                             @Reference TopologyService topology) {
        this.nodes = nodes;
        this.tasks = tasks;
        this.topology = topology;
    }

    @Override
    public Map<String, Object> handle(String type, Map<String, Object> parameters) {
        Map<String, Object> p = parameters == null ? Map.of() : parameters;
        if (type == null) {
            throw new ValidationException("type", "request type is required; expected one of "
                    + COMPUTE_TASK + ", " + QUERY_STATUS + ", " + UPDATE_METRICS);
        }
        switch (type) {
            case COMPUTE_TASK:
                return describe(tasks.submit(taskSpecOf(p)));
            case QUERY_STATUS:
                return queryStatus(p);
            case UPDATE_METRICS:
                return describe(nodes.heartbeat(requiredText(p, "node_id"), new NodeMetrics(
                        number(p, "cpu_percent", 0), number(p, "memory_percent", 0),
                        number(p, "uptime_percent", 100), (int) number(p, "circuit_count", 0))));
            default:
                throw new ValidationException("type", "unknown request type '" + type + "'; expected one of "
                        + COMPUTE_TASK + ", " + QUERY_STATUS + ", " + UPDATE_METRICS);
        }
    }

    private Map<String, Object> queryStatus(Map<String, Object> p) {
        if (p.get("task_id") != null) {
            String id = requiredText(p, "task_id");
            return describe(tasks.findTask(id).orElseThrow(() -> NotFoundException.task(id)));
        }
        if (p.get("node_id") != null) {
            String id = requiredText(p, "node_id");
            return describe(nodes.findNode(id).orElseThrow(() -> NotFoundException.node(id)));
        }
        CoordinatorHealth health = topology.health();
        TopologySnapshot snapshot = topology.current();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("coordinator_id", health.coordinatorId());
        answer.put("running", health.running());
        answer.put("nodes", health.nodeCount());
        answer.put("tasks", health.taskCount());
        answer.put("pending_tasks", snapshot.pendingTasks());
        answer.put("running_tasks", snapshot.runningTasks());
        answer.put("uptime_seconds", health.uptime().toSeconds());
        return answer;
    }

    static TaskSpec taskSpecOf(Map<String, Object> p) {
        return new TaskSpec(optionalText(p, "task_id"), optionalText(p, "task_type"),
                (int) number(p, "priority", 5),
                new TaskRequirements((int) number(p, "cpu", 1), (long) number(p, "memory_mb", 256),
                        (long) number(p, "storage_mb", 100), bool(p, "gpu")),
                privacyOf(optionalText(p, "privacy")), bool(p, "require_onion_circuit"),
                optionalText(p, "preferred_region"), null, null, null, optionalText(p, "strategy"),
                optionalText(p, "job_id"));
    }

    private static Map<String, Object> describe(Task task) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("task_id", task.id());
        answer.put("status", task.status().name());
        answer.put("node_id", task.nodeId());
        answer.put("strategy", task.routedBy());
        answer.put("message", task.message());
        return answer;
    }

    private static Map<String, Object> describe(Node node) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("node_id", node.id());
        answer.put("status", node.status().name());
        answer.put("active_tasks", node.activeTasks());
        answer.put("free_cpu", node.freeCpu());
        answer.put("free_memory_mb", node.freeMemoryMb());
        return answer;
    }

    private static PrivacyLevel privacyOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PrivacyLevel.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("privacy", "privacy must be PUBLIC, PRIVATE, CONFIDENTIAL or SECRET, got '"
                    + value + "'");
        }
    }

    private static String requiredText(Map<String, Object> p, String key) {
        String value = optionalText(p, key);
        if (value == null) {
            throw new ValidationException(key, key + " is required");
        }
        return value;
    }

    private static String optionalText(Map<String, Object> p, String key) {
        Object value = p.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw new ValidationException(key, key + " must be a string");
        }
        return (String) value;
    }

    private static double number(Map<String, Object> p, String key, double fallback) {
        Object value = p.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new ValidationException(key, key + " must be a finite number");
            }
            return d;
        }
        throw new ValidationException(key, key + " must be a number");
    }

    private static boolean bool(Map<String, Object> p, String key) {
        Object value = p.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean)) {
            throw new ValidationException(key, key + " must be true or false");
        }
        return (Boolean) value;
    }
}
