package org.fogcompute.api;

/**
 * Which kind of node a task would rather run on, when several fit: the AFFINITY scheduling strategy keeps
 * CPU-preferring tasks off GPU nodes while CPU nodes fit, and sends GPU-preferring tasks to GPU nodes.
 */
public enum ResourcePreference {
    CPU,
    GPU
}
