package org.fogcompute.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.Page;
import org.fogcompute.api.Price;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;

/** Response bodies: flat, stable shapes independent of how the domain records are nested. */
final class Views {
    private Views() {
    }

    record NodeView(String id, NodeType type, NodeStatus status, String region, Capacity capacity, int freeCpu,
                    long freeMemoryMb, double loadPercent, NodeMetrics metrics, int activeTasks, long completedTasks,
                    long failedTasks, GeoLocation location, String address, int port, Map<String, String> labels,
                    boolean onionCapable, double reputation, Price price, Instant registeredAt,
                    Instant lastHeartbeat, Allocation allocation, DeviceClass deviceClass) {
        static NodeView of(Node node) {
            var spec = node.spec();
            return new NodeView(node.id(), node.type(), node.status(), node.region(), node.capacity(), node.freeCpu(),
                    node.freeMemoryMb(), node.loadPercent(), node.metrics(), node.activeTasks(),
                    node.completedTasks(), node.failedTasks(), spec.location(), spec.address(), spec.port(),
                    spec.labels(), spec.onionCapable(), spec.reputation(), spec.price(), node.registeredAt(),
                    node.lastHeartbeat(), node.allocation(), node.deviceClass());
        }
    }

    record TaskView(String id, String type, TaskStatus status, int priority, TaskRequirements requirements,
                    PrivacyLevel privacy, String nodeId, String routedBy, String requestedStrategy, int retryCount,
                    String message, String preferredRegion, Instant deadline, String jobId, Instant submittedAt,
                    Instant assignedAt, Instant startedAt, Instant finishedAt, ResourcePreference preferredResource,
                    Double priceLimit, String schedulingStrategy, org.fogcompute.api.Placement placement) {
        static TaskView of(Task task) {
            var spec = task.spec();
            return new TaskView(task.id(), spec.type(), task.status(), spec.priority(), spec.requirements(),
                    spec.privacy(), task.nodeId(), task.routedBy(), spec.strategy(), task.retryCount(),
                    task.message(), spec.preferredRegion(), spec.deadline(), spec.jobId(), task.submittedAt(),
                    task.assignedAt(), task.startedAt(), task.finishedAt(), spec.preferredResource(),
                    spec.priceLimit(), spec.schedulingStrategy(), spec.placement());
        }
    }

    record PageView<T>(List<T> items, int total, int offset, int limit) {
        static <S, T> PageView<T> of(Page<S> page, java.util.function.Function<S, T> view) {
            return new PageView<>(page.items().stream().map(view).toList(), page.total(), page.offset(),
                    page.limit());
        }
    }

    record NodeList(List<NodeView> nodes) {
    }

    /**
     * {@code defaultName} is the strategy tasks naming none use now; {@code configuredDefault} the one configured,
     * which differs while its bundle is not installed, and {@code note} then says so.
     */
    record Strategies(List<String> names, String defaultName, String configuredDefault, String note) {
        /** A choice whose default is always installed (load-balancing algorithms). */
        Strategies(List<String> names, String defaultName) {
            this(names, defaultName, defaultName, null);
        }
    }

    record TokenView(String access_token, String token_type, long expires_in, String refresh_token,
                     long refresh_expires_in) {
    }

    record JoinTokenView(String joinToken, Instant expiresAt, long expiresIn) {
    }

    record EnrollmentView(NodeView node, String access_token, String token_type, long expires_in) {
    }

    record Health(String status, boolean ready, Map<String, String> checks) {
    }

    record Error(String error, String field) {
    }
}
