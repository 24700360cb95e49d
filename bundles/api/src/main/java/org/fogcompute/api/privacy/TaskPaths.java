package org.fogcompute.api.privacy;

import java.util.function.Predicate;
import org.fogcompute.api.TaskSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Privacy paths for the tasks the coordinator places: a task that needs one ({@link
 * org.fogcompute.api.TaskSpec#needsPrivacyPath}) is placed on a node only together with its path, else it waits with
 * the reason "no privacy path" (also while no paths are attached: never placed with less). The privacy policy (vpn)
 * provides this over the onion planner and the mixnode directory and attaches it to the coordinator through
 * {@link TaskPathsRegistry}, so that the wiring reads vpn → onion → coordinator.
 */
@ProviderType
public interface TaskPaths {

    /**
     * Plans the circuit through which the task reaches its node, replacing one planned for it before. Called under the
     * coordinator's lock: it must not call the coordinator back, and it learns from {@code canRelay} whether a node
     * may relay now as the coordinator sees it.
     *
     * @param client      whose guard set the circuit starts from (the submitter)
     * @param destination the node the task is placed on: never one of the hops
     * @return the task's circuit, or null when its privacy asks for none
     * @throws NoPrivacyPathException when no path can be planned, saying which constraint failed
     */
    Circuit planFor(TaskSpec task, String client, String destination, Predicate<String> canRelay);

    /** The task no longer runs where its circuit leads (it finished, or it is placed again): its circuit is closed. */
    void released(String taskId);
}
