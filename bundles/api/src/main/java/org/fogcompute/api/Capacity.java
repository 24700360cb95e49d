package org.fogcompute.api;

/** Resources a node offers: cpu cores ≥ 1, memory MB ≥ 1, storage MB ≥ 0, GPU count ≥ 0. */
public record Capacity(int cpuCores, long memoryMb, long storageMb, int gpuCount) {

    public Capacity {
        Checks.range("capacity.cpuCores", cpuCores, 1, 1_000_000);
        Checks.range("capacity.memoryMb", memoryMb, 1, Long.MAX_VALUE / 4);
        Checks.range("capacity.storageMb", storageMb, 0, Long.MAX_VALUE / 4);
        Checks.range("capacity.gpuCount", gpuCount, 0, 1_000_000);
    }

    /** Cpu and memory with {@link NodeSpec#DEFAULT_STORAGE_MB} of storage and no GPU. */
    public static Capacity of(int cpuCores, long memoryMb) {
        return new Capacity(cpuCores, memoryMb, NodeSpec.DEFAULT_STORAGE_MB, 0);
    }
}
