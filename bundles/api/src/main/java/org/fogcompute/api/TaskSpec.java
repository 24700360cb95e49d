package org.fogcompute.api;

import java.time.Instant;

/**
 * What a client submits. {@code id} may be null and is then generated; {@code strategy} names a routing strategy to
 * use instead of the default, {@code schedulingStrategy} a scheduling strategy. {@code priority} 1 is the highest.
 * {@code preferredResource} (CPU or GPU) is a preference, not a requirement; {@code priceLimit} is the most the task
 * may cost per hour, in credits, by the price its node declares (see {@link Price}).
 */
public record TaskSpec(String id, String type, int priority, TaskRequirements requirements, PrivacyLevel privacy,
                       boolean requireOnionCircuit, String preferredRegion, GeoLocation preferredLocation,
                       Instant deadline, String payload, String strategy, String jobId,
                       ResourcePreference preferredResource, Double priceLimit, String schedulingStrategy,
                       Placement placement) {
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    /** A task that may run on any node that fits. */
    public TaskSpec(String id, String type, int priority, TaskRequirements requirements, PrivacyLevel privacy,
                    boolean requireOnionCircuit, String preferredRegion, GeoLocation preferredLocation,
                    Instant deadline, String payload, String strategy, String jobId,
                    ResourcePreference preferredResource, Double priceLimit, String schedulingStrategy) {
        this(id, type, priority, requirements, privacy, requireOnionCircuit, preferredRegion, preferredLocation,
                deadline, payload, strategy, jobId, preferredResource, priceLimit, schedulingStrategy, null);
    }

    /** A task without scheduling preferences. */
    public TaskSpec(String id, String type, int priority, TaskRequirements requirements, PrivacyLevel privacy,
                    boolean requireOnionCircuit, String preferredRegion, GeoLocation preferredLocation,
                    Instant deadline, String payload, String strategy, String jobId) {
        this(id, type, priority, requirements, privacy, requireOnionCircuit, preferredRegion, preferredLocation,
                deadline, payload, strategy, jobId, null, null, null);
    }

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
        if (priceLimit != null) {
            Checks.range("priceLimit", priceLimit, 0, Price.MAX);
        }
        if (schedulingStrategy != null) {
            Checks.id("schedulingStrategy", schedulingStrategy);
        }
        placement = placement == null || placement.isEmpty() ? null : placement;
    }

    /** A CONFIDENTIAL or SECRET task, or one that asks for an onion circuit, may only run on an onion-capable node. */
    public boolean needsOnionRouting() {
        return requireOnionCircuit || privacy == PrivacyLevel.CONFIDENTIAL || privacy == PrivacyLevel.SECRET;
    }

    /** Whether the task is placed only together with a privacy path (any level but PUBLIC, or a circuit asked for). */
    public boolean needsPrivacyPath() {
        return requireOnionCircuit || privacy != PrivacyLevel.PUBLIC;
    }

    public TaskSpec withId(String newId) {
        return new TaskSpec(newId, type, priority, requirements, privacy, requireOnionCircuit, preferredRegion,
                preferredLocation, deadline, payload, strategy, jobId, preferredResource, priceLimit,
                schedulingStrategy, placement);
    }

    public TaskSpec withPlacement(Placement newPlacement) {
        return new TaskSpec(id, type, priority, requirements, privacy, requireOnionCircuit, preferredRegion,
                preferredLocation, deadline, payload, strategy, jobId, preferredResource, priceLimit,
                schedulingStrategy, newPlacement);
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
        private ResourcePreference preferredResource;
        private Double priceLimit;
        private String schedulingStrategy;
        private Placement placement;

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
            this.requirements = new TaskRequirements(cpuCores, memoryMb, requirements.storageMb(), requirements.gpu(),
                    requirements.minReputation());
            return this;
        }

        public Builder requirements(TaskRequirements requirements) {
            this.requirements = requirements;
            return this;
        }

        public Builder minReputation(double floor) {
            this.requirements = requirements.withMinReputation(floor);
            return this;
        }

        public Builder gpu(boolean gpu) {
            this.requirements = new TaskRequirements(requirements.cpuCores(), requirements.memoryMb(),
                    requirements.storageMb(), gpu, requirements.minReputation());
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

        public Builder preferredResource(ResourcePreference preferredResource) {
            this.preferredResource = preferredResource;
            return this;
        }

        public Builder priceLimit(Double priceLimit) {
            this.priceLimit = priceLimit;
            return this;
        }

        public Builder schedulingStrategy(String schedulingStrategy) {
            this.schedulingStrategy = schedulingStrategy;
            return this;
        }

        public Builder placement(Placement placement) {
            this.placement = placement;
            return this;
        }

        public TaskSpec build() {
            return new TaskSpec(id, type, priority, requirements, privacy, requireOnionCircuit, preferredRegion,
                    preferredLocation, deadline, payload, strategy, jobId, preferredResource, priceLimit,
                    schedulingStrategy, placement);
        }
    }
}
