package org.fogcompute.api.edge;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the harvest policy keeps across restarts: each governed device's running session, cooldown and thermal
 * throttle (so that a restart of the control plane neither resets the session cap nor forgets a cooldown), and the
 * rewards of finished sessions until the ledger has paid them (so that a short pool or a database outage delays a
 * reward instead of losing it). Provided by the persistence service, in the fleet's database.
 */
@ProviderType
public interface HarvestStore {

    /** A device's harvest state; a device with no session, no cooldown and no throttle has nothing stored. */
    record DeviceState(String nodeId, Instant sessionStart, Instant coolingUntil, boolean throttled) {
        public boolean isIdle() {
            return sessionStart == null && coolingUntil == null && !throttled;
        }
    }

    /**
     * The reward of a finished session, owed until paid. Its key is the ledger entry's key, so a reward paid and then
     * tried again (a crash between the payment and {@link #settled}) is never paid twice.
     */
    record OwedReward(String key, String nodeId, String operator, long micros, String memo, Instant at) {
    }

    /** Stores a device's state, replacing the one stored; an idle state removes it. */
    void save(DeviceState state);

    /** Every stored device state. */
    List<DeviceState> devices();

    /** Records a reward as owed; a key already owed or settled is left as it is. */
    void owe(OwedReward reward);

    /** Rewards owed, oldest first. */
    List<OwedReward> owed(int limit);

    /** The reward was paid (or can never be): it is no longer owed. */
    void settled(String key);
}
