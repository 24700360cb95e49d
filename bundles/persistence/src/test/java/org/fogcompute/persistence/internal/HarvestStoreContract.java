package org.fogcompute.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.fogcompute.api.edge.HarvestStore.DeviceState;
import org.fogcompute.api.edge.HarvestStore.OwedReward;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harvest policy's store on a real database; subclasses say which one. */
abstract class HarvestStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-07T22:00:00Z");
    private DataSource dataSource;
    private JdbcHarvestStore store;

    protected abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void openStore() throws SQLException {
        dataSource = emptyDatabase();
        new SchemaMigrator(dataSource).migrate();
        store = new JdbcHarvestStore(dataSource, () -> { });
    }

    @Test
    void aDeviceStateIsReplacedAndAnIdleOneIsRemoved() {
        store.save(new DeviceState("phone-1", T0, null, false));
        store.save(new DeviceState("phone-2", null, T0.plusSeconds(1800), true));
        store.save(new DeviceState("phone-1", null, T0.plusSeconds(60), false));

        assertThat(new JdbcHarvestStore(dataSource, () -> { }).devices()).containsExactly(
                new DeviceState("phone-1", null, T0.plusSeconds(60), false),
                new DeviceState("phone-2", null, T0.plusSeconds(1800), true));

        store.save(new DeviceState("phone-1", null, null, false));
        assertThat(store.devices()).extracting(DeviceState::nodeId).containsExactly("phone-2");
    }

    @Test
    void aRewardIsOwedOnceUntilSettled() {
        OwedReward first = new OwedReward("harvest:phone-1:1", "phone-1", "alice", 2_000_000, "harvested 120 min", T0);
        store.owe(first);
        store.owe(new OwedReward("harvest:phone-1:1", "phone-1", "mallory", 9_000_000, "again", T0.plusSeconds(5)));
        store.owe(new OwedReward("harvest:phone-2:1", "phone-2", "bob", 1_000_000, "harvested 60 min",
                T0.plusSeconds(1)));

        assertThat(store.owed(10)).extracting(OwedReward::key, OwedReward::operator, OwedReward::micros)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("harvest:phone-1:1", "alice", 2_000_000L),
                        org.assertj.core.groups.Tuple.tuple("harvest:phone-2:1", "bob", 1_000_000L));
        assertThat(store.owed(1)).containsExactly(first);

        store.settled("harvest:phone-1:1");
        store.settled("harvest:phone-1:1");
        assertThat(store.owed(10)).extracting(OwedReward::key).containsExactly("harvest:phone-2:1");
    }
}
