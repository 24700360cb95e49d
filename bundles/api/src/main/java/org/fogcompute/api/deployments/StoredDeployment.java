package org.fogcompute.api.deployments;

import java.time.Instant;
import java.util.List;

/**
 * A deployment as kept in the database: what was asked, and for each replica slot the task that holds it now.
 *
 * @param nextTask the number of the next replica task (task ids are {@code <name>-r<number>}, never reused)
 */
public record StoredDeployment(DeploymentSpec spec, long generation, String owner, Instant createdAt,
                               Instant updatedAt, long nextTask, List<Slot> slots) {
    public StoredDeployment {
        slots = List.copyOf(slots);
    }

    /** A replica slot: its task, the generation that task was made for, and how often the slot was refilled. */
    public record Slot(int slot, String taskId, long generation, int restarts) {
    }
}
