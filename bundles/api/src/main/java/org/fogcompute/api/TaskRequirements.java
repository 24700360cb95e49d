package org.fogcompute.api;

/** Resources a task needs: cpu cores [1], memory MB [256], storage MB [100], a GPU or not. */
public record TaskRequirements(int cpuCores, long memoryMb, long storageMb, boolean gpu) {
    public static final TaskRequirements DEFAULT = new TaskRequirements(1, 256, 100, false);

    public TaskRequirements {
        Checks.range("requirements.cpuCores", cpuCores, 1, 1_000_000);
        Checks.range("requirements.memoryMb", memoryMb, 1, Long.MAX_VALUE / 4);
        Checks.range("requirements.storageMb", storageMb, 0, Long.MAX_VALUE / 4);
    }
}
