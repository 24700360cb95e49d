package org.fogcompute.itests.cycle;

/** Provides A, requires B. */
public class CycleA implements CyclePartA {
}
