package org.fogcompute.itests.cycle;

/** Service of the first component of a deliberately cyclic pair. */
public interface CyclePartA {
}
