package org.fogcompute.harvest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.fogcompute.api.edge.HarvestPolicy;
import org.fogcompute.api.edge.HarvestStore;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.edge.internal.PowerAndHeatCaps;
import org.fogcompute.ledger.internal.DoubleEntryLedger;
import org.fogcompute.persistence.internal.JdbcLedgerStore;
import org.fogcompute.persistence.internal.SchemaMigrator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The policy as a service: what it must keep survives a restart (the session cap counts from the session's real start,
 * a reward the pool could not pay is paid after a grant, once), with a real ledger on embedded Derby.
 */
class HarvestComponentTest {
    private static final Instant T0 = Instant.parse("2026-12-07T22:00:00Z");
    private static final DeviceTelemetry ELIGIBLE = new DeviceTelemetry(80, true, 35.0, false, false, 23);
    private static final DeviceTelemetry UNPLUGGED = new DeviceTelemetry(80, false, 35.0, false, false, 23);
    private static final NodeSpec PHONE = NodeSpec.builder("phone-1").capacity(new Capacity(4, 4096, 10_240, 0))
            .labels(Map.of("harvest", "true", "operator", "alice")).build();

    private final MapStore store = new MapStore();
    private final List<HarvestComponent> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(HarvestComponent::deactivate);
    }

    private HarvestComponent start() throws Exception {
        HarvestComponent harvest = new HarvestComponent(name -> Executors.newSingleThreadScheduledExecutor(),
                new PowerAndHeatCaps(PowerAndHeatCaps.Rules.DEFAULTS), store,
                config(Map.of("max_session_minutes", 60L)));
        started.add(harvest);
        harvest.catchUpNow();
        return harvest;
    }

    @Test
    void aRestartNeitherResetsTheSessionCapNorForgetsTheCooldown() throws Exception {
        HarvestComponent before = start();
        assertThat(before.observe(PHONE, ELIGIBLE, T0).drain()).isFalse();
        before.catchUpNow();
        assertThat(store.devices()).containsExactly(new HarvestStore.DeviceState("phone-1", T0, null, false));
        assertThat(before.devices()).containsExactly(new HarvestPolicy.Device("phone-1", true, null, T0, null));
        before.deactivate();

        HarvestComponent after = start();
        assertThat(after.devices()).containsExactly(new HarvestPolicy.Device("phone-1", false,
                "no heartbeat since the start", T0, null));
        Allocation capped = after.observe(PHONE, ELIGIBLE, T0.plus(Duration.ofMinutes(61)));
        assertThat(capped.drain()).as("the session began before the restart and reached its hour").isTrue();
        assertThat(capped.reason()).contains("session reached 1 h");
        after.catchUpNow();
        assertThat(store.devices()).singleElement().satisfies(s -> assertThat(s.coolingUntil()).isNotNull());
        after.deactivate();

        HarvestComponent again = start();
        assertThat(again.observe(PHONE, ELIGIBLE, T0.plus(Duration.ofMinutes(70))).reason()).contains("cooldown");
        assertThat(again.observe(PHONE, ELIGIBLE, T0.plus(Duration.ofMinutes(92))).drain()).isFalse();
    }

    @Test
    void aRewardThePoolCannotCoverStaysOwedAndIsPaidOnceAfterAGrant() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:harvest-" + System.nanoTime());
        derby.setCreateDatabase("create");
        SchemaMigrator migrator = new SchemaMigrator(derby);
        migrator.migrate();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Ledger ledger = new DoubleEntryLedger(new JdbcLedgerStore(derby, clock, () -> { }), clock);
        HarvestComponent harvest = start();
        harvest.ledger = ledger;

        harvest.observe(PHONE, ELIGIBLE, T0);
        harvest.observe(PHONE, UNPLUGGED, T0.plus(Duration.ofMinutes(30)));
        harvest.catchUpNow();
        assertThat(store.owed(10)).singleElement().satisfies(r -> assertThat(r.micros()).isEqualTo(500_000));
        Result short_ = harvest.execute();
        assertThat(short_.getStatus()).isEqualTo(Result.Status.WARN);
        assertThat(short_.toString()).contains("harvest-pool is not open");

        ledger.open(HarvestComponent.POOL_ACCOUNT, AccountKind.OPERATOR);
        ledger.grant("fund-pool", HarvestComponent.POOL_ACCOUNT, Credits.micros(10), "harvest rewards");
        harvest.catchUpNow();
        harvest.catchUpNow();
        assertThat(ledger.account("alice").orElseThrow().balance()).isEqualTo(500_000);
        assertThat(ledger.account(HarvestComponent.POOL_ACCOUNT).orElseThrow().balance()).isEqualTo(9_500_000);
        assertThat(store.owed(10)).isEmpty();
        assertThat(harvest.execute().getStatus()).isEqualTo(Result.Status.OK);

        // a crash after the payment and before it was marked settled: owed again, found paid, not paid twice
        store.owe(new HarvestStore.OwedReward("harvest:phone-1:" + T0.toEpochMilli(), "phone-1", "alice", 500_000,
                "replayed", T0));
        harvest.catchUpNow();
        assertThat(ledger.account("alice").orElseThrow().balance()).isEqualTo(500_000);
        assertThat(store.owed(10)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static HarvestComponent.Config config(Map<String, Object> overrides) {
        return (HarvestComponent.Config) Proxy.newProxyInstance(HarvestComponentTest.class.getClassLoader(),
                new Class<?>[] {HarvestComponent.Config.class}, (proxy, method, args) ->
                        overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    /** The store as a map, as the database would keep it. */
    private static final class MapStore implements HarvestStore {
        private final Map<String, DeviceState> devices = new TreeMap<>();
        private final Map<String, OwedReward> owed = new TreeMap<>();

        @Override
        public synchronized void save(DeviceState state) {
            if (state.isIdle()) {
                devices.remove(state.nodeId());
            } else {
                devices.put(state.nodeId(), state);
            }
        }

        @Override
        public synchronized List<DeviceState> devices() {
            return List.copyOf(devices.values());
        }

        @Override
        public synchronized void owe(OwedReward reward) {
            owed.putIfAbsent(reward.key(), reward);
        }

        @Override
        public synchronized List<OwedReward> owed(int limit) {
            return owed.values().stream().limit(limit).toList();
        }

        @Override
        public synchronized void settled(String key) {
            owed.remove(key);
        }
    }
}
