package org.fogcompute.deployments.internal;

/** A replica slot: the task holding it now, the generation that task was made for, how often it was refilled. */
record SlotState(int slot, String taskId, long generation, int restarts) {
}
