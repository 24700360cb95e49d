package org.fogcompute.api;

import java.time.Instant;

/**
 * What a client submits. {@code id} may be null and is then generated; {@code strategy} names a routing strategy to
 * use instead of the default.
 */
public record TaskSpec(String id, String type, int priority, TaskRequirements requirements, PrivacyLevel privacy,
                       boolean requireOnionCircuit, String preferredRegion, GeoLocation preferredLocation,
                       Instant deadline, String payload, String strategy, String jobId) {
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    public TaskSpec {
        if (id != null) {
            Checks.id("id", id);
        }
        type = Checks.text("type", type == null || type.isBlank() ? "compute" : type);
        Checks.range("priority", priority, 1, 10);
        requirements = requirements == null ? TaskRequirements.DEFAULT : requirements;
        privacy = privacy == null ? PrivacyLevel.PUBLIC : privacy;
        Checks.text("preferredRegion", preferredRegion);
        Checks.instant("deadline", deadline);
        Checks.opaque("payload", payload, MAX_PAYLOAD_CHARS);
        if (strategy != null) {
            Checks.id("strategy", strategy);
        }
        if (jobId != null) {
            Checks.id("jobId", jobId);
        }
    }

    /** A CONFIDENTIAL task or one that asks for an onion circuit may only run on an onion-capable node. */
    public boolean needsOnionRouting() {
        return requireOnionCircuit || privacy == PrivacyLevel.CONFIDENTIAL;
    }

    public TaskSpec withId(String newId) {
        return new TaskSpec(newId, type, priority, requirements, privacy, requireOnionCircuit, preferredRegion,
                preferredLocation, deadline, payload, strategy, jobId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction with the spec's defaults. */
    public static final class Builder {
        private String id;
        private String type = "compute";
        private int priority = 5;
        private TaskRequirements requirements = TaskRequirements.DEFAULT;
        private PrivacyLevel privacy = PrivacyLevel.PUBLIC;
        private boolean requireOnionCircuit;
        private String preferredRegion;
        private GeoLocation preferredLocation;
        private Instant deadline;
        private String payload;
        private String strategy;
        private String jobId;

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder requirements(int cpuCores, long memoryMb) {
            this.requirements = new TaskRequirements(cpuCores, memoryMb, requirements.storageMb(), requirements.gpu());
            return this;
        }

        public Builder requirements(TaskRequirements requirements) {
            this.requirements = requirements;
            return this;
        }

        public Builder gpu(boolean gpu) {
            this.requirements = new TaskRequirements(requirements.cpuCores(), requirements.memoryMb(),
                    requirements.storageMb(), gpu);
            return this;
        }

        public Builder privacy(PrivacyLevel privacy) {
            this.privacy = privacy;
            return this;
        }

        public Builder requireOnionCircuit(boolean requireOnionCircuit) {
            this.requireOnionCircuit = requireOnionCircuit;
            return this;
        }

        public Builder preferredRegion(String preferredRegion) {
            this.preferredRegion = preferredRegion;
            return this;
        }

        public Builder preferredLocation(double latitude, double longitude) {
            this.preferredLocation = new GeoLocation(latitude, longitude);
            return this;
        }

        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder payload(String payload) {
            this.payload = payload;
            return this;
        }

        public Builder strategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public TaskSpec build() {
            return new TaskSpec(id, type, priority, requirements, privacy, requireOnionCircuit, preferredRegion,
                    preferredLocation, deadline, payload, strategy, jobId);
        }
    }
}
