package org.fogcompute.api.deployments;

/**
 * A replica as its task stands: waiting for a node (PENDING), placed and not yet started by its node (STARTING),
 * running (RUNNING: it takes requests), or being taken down (TERMINATING: scaled away, replaced by an update).
 */
public enum ReplicaState { PENDING, STARTING, RUNNING, TERMINATING }
