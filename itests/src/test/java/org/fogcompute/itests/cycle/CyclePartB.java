package org.fogcompute.itests.cycle;

/** Service of the second component of a deliberately cyclic pair. */
public interface CyclePartB {
}
