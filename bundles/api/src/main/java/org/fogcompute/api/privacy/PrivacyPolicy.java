package org.fogcompute.api.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.betanet.Mixnode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The privacy policy (L4, the vpn service): what each privacy level asks of a task's path (PUBLIC nothing; PRIVATE a
 * circuit; CONFIDENTIAL a longer one through reputable relays only; SECRET that plus a mixnet route), and the path
 * each placed task got. A task whose requirement cannot be met waits with the reason: it is never placed with less.
 */
@ProviderType
public interface PrivacyPolicy {

    PrivacyRequirement requirement(TaskSpec task);

    /**
     * The path a placed task got: its circuit (for its client, the submitter) and, for SECRET, its mixnet route drawn
     * from consensus {@code mixEpoch} (0 and empty without one).
     */
    record TaskPath(String taskId, String client, PrivacyRequirement requirement, String circuitId, long mixEpoch,
                    List<Mixnode> mixRoute, Instant plannedAt) {
        public TaskPath {
            mixRoute = List.copyOf(mixRoute);
        }
    }

    /** The path of a task placed with one; empty for a task without (or no longer with) a path. */
    Optional<TaskPath> path(String taskId);

    /** How many placed tasks hold a path, by level. */
    java.util.Map<org.fogcompute.api.PrivacyLevel, Integer> pathsByLevel();
}
