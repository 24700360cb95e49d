package org.fogcompute.onion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.onion.internal.Fleets.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fogcompute.api.Node;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.junit.jupiter.api.Test;

/** Circuits are planned, rebuilt when a hop fails, rotated before they expire, and closed when they cannot be. */
class CircuitBookTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final CircuitBook.Rules RULES = new CircuitBook.Rules(3, 5, 7, Duration.ofMinutes(30),
            new Relays.GuardRule(95, 0.6), 3, 0.0, 100);

    private final List<Node> fleet = new ArrayList<>();
    private final Set<String> down = new HashSet<>();
    private final List<String> told = new ArrayList<>();
    private final CircuitBook book = new CircuitBook(Clock.fixed(T0, ZoneOffset.UTC),
            RULES, () -> fleet, id -> !down.contains(id), new CircuitBook.Listener() {
                @Override
                public void rebuilt(Circuit before, Circuit after, String reason) {
                    told.add("rebuilt " + after.id() + " gen " + after.generation() + ": " + reason);
                }

                @Override
                public void closed(Circuit circuit, String reason) {
                    told.add("closed " + circuit.id() + ": " + reason);
                }
            });

    private void fiveRegions() {
        for (int i = 0; i < 5; i++) {
            fleet.add(relay("r" + i, "region-" + i, "op-" + i, 0.9, i % 2 == 0));
        }
        book.refresh();
    }

    @Test
    void aPrivateCircuitHasThreeHopsInThreeRegionsAndTheClientKeepsItsGuard() {
        fiveRegions();
        Circuit first = book.plan("alice", PrivacyLevel.PRIVATE, 0.5);
        assertThat(first.hops()).hasSize(3);
        assertThat(first.hops().stream().map(CircuitHop::region).distinct()).hasSize(3);
        assertThat(first.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(book.guards("alice")).containsExactly(first.hops().get(0).nodeId());
        for (int i = 0; i < 20; i++) {
            assertThat(book.plan("alice", PrivacyLevel.PRIVATE, 0).hops().get(0).nodeId())
                    .as("the same guard while it can relay").isEqualTo(first.hops().get(0).nodeId());
        }
        assertThat(book.plan("bob", PrivacyLevel.CONFIDENTIAL, 0).hops()).hasSize(5);
    }

    @Test
    void aHopThatFailsHasItsCircuitsRebuiltWithoutItAndTheirUsersTold() {
        fiveRegions();
        fleet.add(relay("r5", "region-5", "op-5", 0.9, true));
        book.refresh();
        Circuit circuit = book.plan("alice", PrivacyLevel.PRIVATE, 0);
        String middle = circuit.hops().get(1).nodeId();
        down.add(middle);
        assertThat(book.nodeFailed(middle, "went OFFLINE")).isEqualTo(1);
        Circuit rebuilt = book.circuit(circuit.id()).orElseThrow();
        assertThat(rebuilt.generation()).isEqualTo(1);
        assertThat(rebuilt.uses(middle)).isFalse();
        assertThat(told).containsExactly("rebuilt " + circuit.id() + " gen 1: hop " + middle + " went OFFLINE");
    }

    @Test
    void aCircuitThatCannotBeRebuiltIsClosedAndItsUsersTold() {
        fleet.add(relay("g", "a", "oa", 0.9, false));
        fleet.add(relay("m", "b", "ob", 0.9, false));
        fleet.add(relay("x", "c", "oc", 0.9, true));
        book.refresh();
        Circuit circuit = book.plan("alice", PrivacyLevel.PRIVATE, 0);
        down.add("x");
        book.nodeFailed("x", "left the fleet");
        assertThat(book.circuit(circuit.id())).isEmpty();
        assertThat(told).singleElement().asString().startsWith("closed " + circuit.id() + ": hop x left the fleet; "
                + "not rebuilt: no privacy path");
    }

    @Test
    void rotationRebuildsCircuitsAboutToExpireAndThoseWithAHopThatStoppedRelaying() {
        fiveRegions();
        Circuit circuit = book.plan("alice", PrivacyLevel.PRIVATE, 0);
        assertThat(book.rotate(Duration.ofMinutes(5), id -> true)).as("30 min left").isZero();
        assertThat(book.rotate(Duration.ofMinutes(31), id -> true)).as("expires before the next check").isEqualTo(1);
        assertThat(book.circuit(circuit.id()).orElseThrow().generation()).isEqualTo(1);
        assertThat(told.get(0)).contains("rotated before it expires");
        String hop = book.circuit(circuit.id()).orElseThrow().hops().get(1).nodeId();
        down.add(hop);
        assertThat(book.rotate(Duration.ofMinutes(5), id -> true)).isEqualTo(1);
        assertThat(book.circuit(circuit.id()).orElseThrow().uses(hop)).isFalse();
    }

    @Test
    void badRequestsAreRefusedAndNothingIsKept() {
        fiveRegions();
        assertThatThrownBy(() -> book.plan("alice", PrivacyLevel.PUBLIC, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("PUBLIC needs no circuit");
        assertThatThrownBy(() -> book.plan("alice", PrivacyLevel.PRIVATE, 1.5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("minReputation");
        assertThatThrownBy(() -> book.plan("bad id!", PrivacyLevel.PRIVATE, 0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> book.plan("alice", PrivacyLevel.PRIVATE, 0.95))
                .isInstanceOf(NoPrivacyPathException.class).hasMessageContaining("no usable guard");
        assertThat(book.size()).isZero();
        assertThat(book.guards("alice")).isEmpty();
    }

    @Test
    void aTasksCircuitAvoidsItsNodeIsReplacedWhenItIsPlacedAgainAndClosedWhenReleased() {
        fiveRegions();
        fleet.add(relay("r5", "region-5", "op-5", 0.9, true));
        fleet.add(relay("r6", "region-6", "op-6", 0.9, false));
        fleet.add(relay("r7", "region-7", "op-7", 0.9, true));
        book.refresh();
        org.fogcompute.api.TaskSpec task = org.fogcompute.api.TaskSpec.builder().id("t1")
                .privacy(PrivacyLevel.CONFIDENTIAL).build();
        Circuit first = book.planForTask(task, "alice", "r1", 5, 0.8, id -> true);
        assertThat(first.taskId()).isEqualTo("t1");
        assertThat(first.hops()).hasSize(5);
        assertThat(first.minReputation()).as("the policy's floor, kept for rebuilds").isEqualTo(0.8);
        assertThat(first.uses("r1")).as("never through the task's own node").isFalse();
        Circuit second = book.planForTask(task, "alice", "r2", 5, 0.8, id -> true);
        assertThat(second.uses("r2")).isFalse();
        assertThat(book.circuit(first.id())).as("replaced").isEmpty();
        assertThat(book.circuitOfTask("t1")).contains(second);

        String hop = second.hops().get(1).nodeId();
        down.add(hop);
        book.nodeFailed(hop, "went SUSPECT");
        Circuit rebuilt = book.circuitOfTask("t1").orElseThrow();
        assertThat(rebuilt.uses(hop)).isFalse();
        assertThat(rebuilt.uses("r2")).as("a rebuild still avoids the task's node").isFalse();
        assertThat(rebuilt.hops()).hasSize(5);

        assertThat(book.releaseTask("t1")).isTrue();
        assertThat(book.size()).isZero();
        assertThat(book.releaseTask("t1")).isFalse();
    }

    @Test
    void whatWasKeptComesBackAfterARestartExceptExpiredCircuitsAndThoseOfTasksThatEnded() {
        fiveRegions();
        List<String> kept = new ArrayList<>();
        book.changes(new CircuitBook.Changes() {
            @Override
            public void saved(Circuit circuit, String destination) {
                kept.add("saved " + circuit.id() + (destination == null ? "" : " to " + destination));
            }

            @Override
            public void deleted(String circuitId) {
                kept.add("deleted " + circuitId);
            }

            @Override
            public void guards(String client, List<String> guards) {
                kept.add("guards of " + client + " " + guards);
            }
        });
        Circuit planned = book.plan("alice", PrivacyLevel.PRIVATE, 0);
        assertThat(kept).containsExactly("guards of alice " + book.guards("alice"), "saved " + planned.id());

        CircuitBook after = new CircuitBook(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC), RULES, () -> fleet,
                id -> !down.contains(id), new CircuitBook.Listener() {
                    @Override
                    public void rebuilt(Circuit before, Circuit rebuilt, String reason) {
                    }

                    @Override
                    public void closed(Circuit circuit, String reason) {
                    }
                });
        after.refresh();
        Circuit expired = new Circuit("c-old", "bob", null, PrivacyLevel.PRIVATE, 0, planned.hops(),
                T0.minusSeconds(3600), T0, 0);
        Circuit ofTask = new Circuit("c-task", "bob", "t-9", PrivacyLevel.PRIVATE, 0, planned.hops(), T0,
                T0.plusSeconds(1800), 0);
        after.restore(List.of(new org.fogcompute.api.privacy.CircuitStore.StoredCircuit(planned, null),
                new org.fogcompute.api.privacy.CircuitStore.StoredCircuit(expired, null),
                new org.fogcompute.api.privacy.CircuitStore.StoredCircuit(ofTask, "r9")),
                java.util.Map.of("alice", book.guards("alice")));
        assertThat(after.circuit(planned.id())).contains(planned);
        assertThat(after.circuit("c-old")).as("expired while down").isEmpty();
        assertThat(after.circuitOfTask("t-9")).contains(ofTask);
        assertThat(after.guards("alice")).isEqualTo(book.guards("alice"));
        assertThat(after.plan("alice", PrivacyLevel.PRIVATE, 0).hops().get(0).nodeId())
                .as("the guard chosen before the restart").isEqualTo(planned.hops().get(0).nodeId());

        assertThat(after.rotate(Duration.ofMinutes(5), taskId -> false)).as("t-9 ended while no one was told")
                .isEqualTo(1);
        assertThat(after.circuitOfTask("t-9")).isEmpty();
    }

    @Test
    void introductionPointsAreDistinctRelaysAvoidingTheOnesAsked() {
        fiveRegions();
        java.util.List<org.fogcompute.api.privacy.CircuitHop> points = book.introductionPoints("svc", 3, 0.5,
                java.util.Set.of("r0"));
        assertThat(points).hasSize(3);
        assertThat(points).extracting(org.fogcompute.api.privacy.CircuitHop::nodeId).doesNotContain("r0")
                .doesNotHaveDuplicates();
        assertThat(points).extracting(org.fogcompute.api.privacy.CircuitHop::region).doesNotHaveDuplicates();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> book.introductionPoints("svc", 3, 0.95,
                java.util.Set.of())).isInstanceOf(org.fogcompute.api.privacy.NoPrivacyPathException.class);
    }
}
