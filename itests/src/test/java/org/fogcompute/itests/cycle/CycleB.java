package org.fogcompute.itests.cycle;

/** Provides B, requires A. */
public class CycleB implements CyclePartB {
}
