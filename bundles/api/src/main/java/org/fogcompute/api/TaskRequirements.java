package org.fogcompute.api;

/**
 * Resources a task needs: cpu cores [1], memory MB [256], storage MB [100], a GPU or not; and the least reputation
 * (0..1, the node's earned score) a node must have to run it [0: any node; never null].
 */
public record TaskRequirements(int cpuCores, long memoryMb, long storageMb, boolean gpu, Double minReputation) {
    public static final TaskRequirements DEFAULT = new TaskRequirements(1, 256, 100, false);

    /** Without a reputation floor. */
    public TaskRequirements(int cpuCores, long memoryMb, long storageMb, boolean gpu) {
        this(cpuCores, memoryMb, storageMb, gpu, 0.0);
    }

    public TaskRequirements {
        Checks.range("requirements.cpuCores", cpuCores, 1, 1_000_000);
        Checks.range("requirements.memoryMb", memoryMb, 1, Long.MAX_VALUE / 4);
        Checks.range("requirements.storageMb", storageMb, 0, Long.MAX_VALUE / 4);
        minReputation = minReputation == null ? 0.0 : minReputation; // optional: absent asks for no floor
        Checks.range("requirements.minReputation", minReputation, 0.0, 1.0);
    }

    public TaskRequirements withMinReputation(double floor) {
        return new TaskRequirements(cpuCores, memoryMb, storageMb, gpu, floor);
    }
}
