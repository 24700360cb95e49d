package org.fogcompute.vpn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.betanet.MixnodeDirectory;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.fogcompute.api.privacy.PrivacyPolicy.TaskPath;
import org.fogcompute.api.privacy.PrivacyRequirement;
import org.junit.jupiter.api.Test;

class PolicyPathsTest {
    private final FakeOnion onion = new FakeOnion();
    private final FakeMixnet mixnet = new FakeMixnet();
    private MixnodeDirectory directory;
    private final PolicyPaths paths = new PolicyPaths(Clock.systemUTC(), onion, onion, () -> directory,
            new PolicyPaths.Rules(0.8, 3));

    private static TaskSpec task(String id, PrivacyLevel level) {
        return TaskSpec.builder().id(id).privacy(level).build();
    }

    @Test
    void eachLevelAsksForItsHopsFloorAndMixnetRoute() {
        assertThat(paths.requirement(task("p", PrivacyLevel.PUBLIC))).isEqualTo(PrivacyRequirement.NONE);
        assertThat(paths.requirement(TaskSpec.builder().id("c").requireOnionCircuit(true).build()))
                .isEqualTo(new PrivacyRequirement(PrivacyLevel.PUBLIC, 3, 0, 0));
        assertThat(paths.requirement(task("pr", PrivacyLevel.PRIVATE)))
                .isEqualTo(new PrivacyRequirement(PrivacyLevel.PRIVATE, 3, 0, 0));
        assertThat(paths.requirement(task("co", PrivacyLevel.CONFIDENTIAL)))
                .isEqualTo(new PrivacyRequirement(PrivacyLevel.CONFIDENTIAL, 5, 0.8, 0));
        assertThat(paths.requirement(task("se", PrivacyLevel.SECRET)))
                .isEqualTo(new PrivacyRequirement(PrivacyLevel.SECRET, 7, 0.8, 3));
        assertThat(paths.requirement(TaskSpec.builder().id("hi").privacy(PrivacyLevel.CONFIDENTIAL)
                .minReputation(0.9).build()).minReputation()).as("a task's own higher floor").isEqualTo(0.9);
    }

    @Test
    void aPublicTaskGetsNoPathAndAConfidentialOneItsFloor() {
        assertThat(paths.planFor(task("p", PrivacyLevel.PUBLIC), "alice", "n1", id -> true)).isNull();
        assertThat(paths.planFor(task("co", PrivacyLevel.CONFIDENTIAL), "alice", "n1", id -> true).hops())
                .hasSize(5);
        assertThat(onion.asked).containsExactly("co 5 hops >= 0.8");
        assertThat(paths.path("co")).get().extracting(TaskPath::client).isEqualTo("alice");
    }

    @Test
    void aSecretTaskIsNeverPlacedWithoutItsMixnetRouteNorWithItsCircuitAlone() {
        assertThatThrownBy(() -> paths.planFor(task("s1", PrivacyLevel.SECRET), "alice", "n1", id -> true))
                .isInstanceOf(NoPrivacyPathException.class).hasMessageContaining("betanet) is not running");
        directory = mixnet;
        mixnet.refusal = "no mixnet route: consensus epoch 4 lists 2 mixnode(s) in 2 region(s)";
        assertThatThrownBy(() -> paths.planFor(task("s1", PrivacyLevel.SECRET), "alice", "n1", id -> true))
                .hasMessageContaining("2 region(s)");
        assertThat(onion.asked).as("no circuit planned for a path that cannot be complete").isEmpty();

        mixnet.refusal = null;
        assertThat(paths.planFor(task("s1", PrivacyLevel.SECRET), "alice", "n1", id -> true).hops()).hasSize(7);
        TaskPath path = paths.path("s1").orElseThrow();
        assertThat(path.mixRoute()).extracting(Mixnode::nodeId).containsExactly("m1", "m2", "m3");
        assertThat(path.mixEpoch()).isEqualTo(4);
        assertThat(paths.pathsByLevel()).containsEntry(PrivacyLevel.SECRET, 1);

        onion.refusal = "no privacy path: no usable exit";
        assertThatThrownBy(() -> paths.planFor(task("s2", PrivacyLevel.SECRET), "alice", "n1", id -> true))
                .hasMessageContaining("no usable exit").hasMessageContaining("SECRET: 7-hop circuit");
        assertThat(paths.path("s2")).isEmpty();
    }

    @Test
    void afterARestartARunningTasksPathIsReadFromItsCircuitAndItsRouteDrawnAgain() {
        directory = mixnet;
        paths.planFor(task("s1", PrivacyLevel.SECRET), "alice", "n1", id -> true);
        PolicyPaths restarted = new PolicyPaths(Clock.systemUTC(), onion, onion, () -> directory,
                new PolicyPaths.Rules(0.8, 3));
        TaskPath path = restarted.path("s1").orElseThrow();
        assertThat(path.requirement()).isEqualTo(new PrivacyRequirement(PrivacyLevel.SECRET, 7, 0.8, 3));
        assertThat(path.mixRoute()).hasSize(3);

        restarted.released("s1");
        assertThat(restarted.path("s1")).isEmpty();
    }

    /** A mixnode directory whose consensus (epoch 4) lists m1..m3 in three regions; refuses while told to. */
    private static final class FakeMixnet implements MixnodeDirectory {
        String refusal;
        private final Consensus consensus = new Consensus(4, Instant.EPOCH, Instant.MAX, List.of(mix("m1"), mix("m2"),
                mix("m3")), "k", "s");

        private static Mixnode mix(String id) {
            return new Mixnode(id, "tcp://" + id + ":1", "k", "1", "region-" + id, 100, 0.5, 0.5, 0.5);
        }

        @Override
        public Optional<Consensus> consensus() {
            return Optional.of(consensus);
        }

        @Override
        public String signingKey() {
            return "k";
        }

        @Override
        public List<Candidate> candidates() {
            return List.of();
        }

        @Override
        public Consensus publish() {
            return consensus;
        }

        @Override
        public List<Mixnode> route(int hops) {
            if (refusal != null) {
                throw new NoPrivacyPathException(refusal);
            }
            return consensus.mixnodes().subList(0, hops);
        }
    }
}
