package org.fogcompute.api.privacy;

import java.util.function.Predicate;
import org.fogcompute.api.TaskSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Circuits to the nodes tasks are placed on, planned to a requirement the privacy policy sets; provided by the onion
 * service. The privacy policy (vpn) decides how many hops and how reputable; the planner keeps the circuit, rebuilds
 * it when a hop fails and rotates it, always to that requirement.
 */
@ProviderType
public interface TaskCircuits {

    /**
     * Plans the task's circuit, replacing the one planned for it before. Called under the coordinator's lock: it must
     * not call the coordinator back.
     *
     * @param destination the node the task is placed on: never one of the hops
     * @param canRelay    whether a node may relay now, as the coordinator sees it
     * @throws NoPrivacyPathException when no circuit can be planned, saying which constraint failed
     */
    Circuit planFor(TaskSpec task, String client, String destination, int hops, double minReputation,
                    Predicate<String> canRelay);

    /** The task no longer runs where its circuit leads: its circuit is closed. */
    void released(String taskId);
}
