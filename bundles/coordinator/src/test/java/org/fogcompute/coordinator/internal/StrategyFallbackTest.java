package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.routing.RoutingStrategy;
import org.junit.jupiter.api.Test;

/** Routing never fails because a strategy is missing, broken or gone. */
class StrategyFallbackTest {
    private final Fleet fleet = new Fleet();
    private final Coordinator coordinator = fleet.coordinator;

    @Test
    void taskNamingARemovedStrategyIsReroutedByTheDefault() {
        RoutingStrategy last = (task, candidates) -> candidates.nodeAt(candidates.fleetSize() - 1);
        fleet.strategies.add("last", last);
        coordinator.register(node("a", 4, 4096).build());
        coordinator.register(node("b", 4, 4096).build());
        assertThat(coordinator.submit(task("t1", 1, 256).strategy("last").build()).routedBy()).isEqualTo("last");

        fleet.strategies.remove("last", last);
        coordinator.unregister(coordinator.findTask("t1").orElseThrow().nodeId());

        assertThat(coordinator.findTask("t1").orElseThrow().routedBy()).isEqualTo("least-loaded");
        assertThat(coordinator.submit(task("t2", 1, 256).strategy("last").build()).routedBy())
                .isEqualTo("least-loaded");
    }

    @Test
    void whenTheDefaultStrategyIsRemovedTasksUseTheBuiltInDefaultAndTheRegistrySaysSo() {
        RoutingStrategy last = (task, candidates) -> candidates.nodeAt(candidates.fleetSize() - 1);
        fleet.strategies.add("last", last);
        fleet.strategies.setDefault("last");
        coordinator.register(node("a", 4, 4096).build());
        assertThat(coordinator.submit(task("t1", 1, 256).build()).routedBy()).isEqualTo("last");

        fleet.strategies.remove("last", last);
        assertThat(fleet.strategies.defaultName()).as("configured").isEqualTo("last");
        assertThat(fleet.strategies.effectiveDefault()).as("used").isEqualTo("least-loaded");
        assertThat(coordinator.submit(task("t2", 1, 256).build()).routedBy()).isEqualTo("least-loaded");

        fleet.strategies.add("last", last);
        assertThat(fleet.strategies.effectiveDefault()).as("back when it returns").isEqualTo("last");
    }

    @Test
    void throwingStrategyFallsBackToTheDefault() {
        fleet.strategies.add("broken", (task, candidates) -> {
            throw new IllegalStateException("bundle stopping");
        });
        coordinator.register(node("a", 4, 4096).build());
        var placed = coordinator.submit(task("t", 1, 256).strategy("broken").build());
        assertThat(placed.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(placed.routedBy()).isEqualTo("least-loaded");
    }

    @Test
    void strategyChoosingANodeThatCannotHostTheTaskIsOverruled() {
        Node[] stale = new Node[1];
        fleet.strategies.add("stale", (task, candidates) -> stale[0]);
        coordinator.register(node("small", 1, 512).build());
        stale[0] = coordinator.findNode("small").orElseThrow();
        coordinator.register(node("big", 8, 8192).build());
        var placed = coordinator.submit(task("t", 4, 256).strategy("stale").build());
        assertThat(placed.nodeId()).isEqualTo("big");
    }

    @Test
    void withNoStrategyAtAllTheBuiltInFallbackStillPlaces() {
        RoutingStrategyRegistry empty = new RoutingStrategyRegistry("least-loaded");
        Coordinator bare = new Coordinator(CoordinatorSettings.DEFAULTS, fleet.clock, empty, EventSink.NONE);
        bare.register(node("a", 4, 4096).build());
        var placed = bare.submit(TaskSpec.builder().id("t").build());
        assertThat(placed.nodeId()).isEqualTo("a");
        assertThat(placed.routedBy()).isEqualTo(Placer.FALLBACK_NAME);
    }

    @Test
    void strategyDecliningLeavesTheTaskPendingWithItsName() {
        fleet.strategies.add("picky", (task, candidates) -> null);
        coordinator.register(node("a", 4, 4096).build());
        var pending = coordinator.submit(task("t", 1, 256).strategy("picky").build());
        assertThat(pending.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(pending.message()).contains("'picky' chose none");
    }

    @Test
    void defaultCanBeChangedOnlyToAnInstalledStrategy() {
        fleet.strategies.setDefault("round-robin");
        assertThat(fleet.strategies.defaultName()).isEqualTo("round-robin");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fleet.strategies.setDefault("nope"))
                .hasMessageContaining("unknown strategy 'nope'");
        assertThat(fleet.strategies.names()).containsExactly("affinity", "least-loaded", "privacy-aware",
                "proximity", "round-robin");
        assertThat(List.copyOf(fleet.strategies.names())).doesNotContain("nope");
    }
}
