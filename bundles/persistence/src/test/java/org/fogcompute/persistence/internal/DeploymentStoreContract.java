package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.StoredDeployment;
import org.fogcompute.api.deployments.Workload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deployments' store on a real database; subclasses say which one. */
abstract class DeploymentStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private JdbcDeploymentStore store;

    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        DataSource dataSource = emptyDatabase();
        new SchemaMigrator(dataSource).migrate();
        store = new JdbcDeploymentStore(dataSource, () -> { });
    }

    @Test
    void aDeploymentIsStoredWithEveryFieldAndItsSlotsReplacedAndRemoved() {
        Workload workload = new Workload("registry.example/web@sha256:abc", List.of("serve", "--greeting", "a&b=c",
                ""), Map.of("MODE", "edge & fast", "EMPTY", ""), List.of(8080, 9090));
        DeploymentSpec spec = new DeploymentSpec("web", workload, new TaskRequirements(2, 512, 10, false, 0.4), 3,
                Set.of("eu west", "eu,central"), Map.of("tier", "edge"), true, 2, "least-connections");
        StoredDeployment stored = new StoredDeployment(spec, 4, "alice", T0, T0.plusSeconds(5), 12, List.of(
                new StoredDeployment.Slot(0, "web-r10", 4, 0), new StoredDeployment.Slot(2, "web-r11", 3, 5)));
        store.save(stored);
        store.save(new StoredDeployment(new DeploymentSpec("cmd-only", new Workload(null, List.of("sleep", "1"),
                null, null), null, 0, null, null, false, null, null), 1, null, T0, T0, 0, List.of()));

        assertThat(store.deployments()).hasSize(2).contains(stored);
        StoredDeployment bare = store.deployments().get(0);
        assertThat(bare.spec().workload().ports()).isEmpty();
        assertThat(bare.spec().regions()).isEmpty();
        assertThat(bare.spec().algorithm()).isNull();

        StoredDeployment scaled = new StoredDeployment(spec.withReplicas(1), 4, "alice", T0, T0.plusSeconds(9), 12,
                List.of(new StoredDeployment.Slot(0, "web-r10", 4, 0)));
        store.save(scaled);
        assertThat(store.deployments()).contains(scaled).doesNotContain(stored);
        store.remove("web");
        store.remove("nothing-by-that-name");
        assertThat(store.deployments()).extracting(d -> d.spec().name()).containsExactly("cmd-only");
    }
}
