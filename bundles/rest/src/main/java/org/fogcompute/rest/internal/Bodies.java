package org.fogcompute.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.Price;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.edge.DeviceTelemetry;

/**
 * Request bodies. Each names exactly the fields a client may set (no reputation, no counters, no timestamps): any
 * other field is refused, so a request cannot assign what the coordinator owns.
 */
final class Bodies {
    private Bodies() {
    }

    record NodeRegistration(String id, NodeType type, NodeStatus status, Capacity capacity, String region,
                            GeoLocation location, String address, Integer port, Map<String, String> labels,
                            Boolean onionCapable, Price price) {
        NodeSpec toSpec() {
            if (type == null) {
                throw new ValidationException("type", "type is required: one of "
                        + java.util.Arrays.toString(NodeType.values()));
            }
            if (capacity == null) {
                throw new ValidationException("capacity", "capacity is required: cpuCores, memoryMb, storageMb, gpuCount");
            }
            return new NodeSpec(id, type, status, capacity, region, location, address, port == null ? 0 : port,
                    labels, Boolean.TRUE.equals(onionCapable), 1.0, price);
        }
    }

    record BatchRegistration(List<NodeRegistration> nodes) {
    }

    /** Load, and from a device its telemetry (every field optional). */
    record Heartbeat(Double cpuPercent, Double memoryPercent, Double uptimePercent, Integer circuitCount,
                     DeviceTelemetry device) {
        NodeMetrics toMetrics() {
            if (cpuPercent == null) {
                throw new ValidationException("cpuPercent", "cpuPercent is required");
            }
            if (memoryPercent == null) {
                throw new ValidationException("memoryPercent", "memoryPercent is required");
            }
            return new NodeMetrics(cpuPercent, memoryPercent, uptimePercent == null ? 100 : uptimePercent,
                    circuitCount == null ? 0 : circuitCount, device);
        }
    }

    record StatusChange(NodeStatus status) {
    }

    record TaskSubmission(String id, String type, Integer priority, TaskRequirements requirements,
                          PrivacyLevel privacy, Boolean requireOnionCircuit, String preferredRegion,
                          GeoLocation preferredLocation, Instant deadline, String payload, String strategy,
                          String jobId, ResourcePreference preferredResource, Double priceLimit,
                          String schedulingStrategy, org.fogcompute.api.Placement placement) {
        TaskSpec toSpec() {
            return new TaskSpec(id, type, priority == null ? 5 : priority, requirements, privacy,
                    Boolean.TRUE.equals(requireOnionCircuit), preferredRegion, preferredLocation, deadline, payload,
                    strategy, jobId, preferredResource, priceLimit, schedulingStrategy, placement);
        }
    }

    record FailureReport(String reason) {
    }

    record StrategyChoice(String name) {
    }

    record RefreshRequest(String refresh_token) {
    }

    record Credentials(String username, String password) {
    }

    record EnrollmentRequest(String joinToken, NodeRegistration node) {
    }
}
