package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.RequestHandler;
import org.fogcompute.api.ValidationException;
import org.junit.jupiter.api.Test;

class RequestDispatcherTest {
    private final Fleet fleet = new Fleet();
    private final RequestHandler handler = new RequestDispatcher(fleet.coordinator, fleet.coordinator,
            fleet.coordinator);

    @Test
    void computeTaskQueryStatusAndUpdateMetricsReachTheCoordinator() {
        fleet.coordinator.register(Fleet.node("n", 4, 4096).build());

        Map<String, Object> placed = handler.handle("compute_task", Map.of("task_id", "t", "cpu", 2,
                "memory_mb", 1024));
        assertThat(placed).containsEntry("status", "ASSIGNED").containsEntry("node_id", "n");

        assertThat(handler.handle("query_status", Map.of("task_id", "t"))).containsEntry("status", "ASSIGNED");
        assertThat(handler.handle("query_status", Map.of())).containsEntry("nodes", 1).containsEntry("tasks", 1);

        handler.handle("update_metrics", Map.of("node_id", "n", "cpu_percent", 42.5));
        assertThat(fleet.coordinator.findNode("n").orElseThrow().metrics().cpuPercent()).isEqualTo(42.5);
    }

    @Test
    void unknownTypeAndBadParametersAreNamed() {
        assertThatThrownBy(() -> handler.handle("reboot_node", Map.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown request type 'reboot_node'");
        assertThatThrownBy(() -> handler.handle("compute_task", Map.of("cpu", "two")))
                .hasMessage("cpu must be a number");
        assertThatThrownBy(() -> handler.handle("update_metrics", Map.of("node_id", "ghost")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> handler.handle("update_metrics", Map.of("node_id", "n", "cpu_percent", 150)))
                .isInstanceOf(ValidationException.class);
    }
}
