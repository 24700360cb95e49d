package org.fogcompute.api.ledger;

/** An outcome that changes a node's reputation, and by how many points. */
public enum ReputationEvent {
    /** A task completed on the node. */
    SUCCESS(10),
    /** A task failed on the node. */
    FAILURE(-15),
    /** The node went silent (OFFLINE) while it held a task, which had to be moved. */
    LOST_DURING_TASK(-25);

    private final double points;

    ReputationEvent(double points) {
        this.points = points;
    }

    public double points() {
        return points;
    }
}
