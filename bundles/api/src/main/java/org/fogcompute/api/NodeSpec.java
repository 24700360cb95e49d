package org.fogcompute.api;

import java.util.Map;

/**
 * What a node says about itself when it registers. The status must be declarable (ACTIVE, IDLE or MAINTENANCE)
 * and is kept as given. {@code price} is what it charges; null means the configured default.
 */
public record NodeSpec(String id, NodeType type, NodeStatus status, Capacity capacity, String region,
                       GeoLocation location, String address, int port, Map<String, String> labels,
                       boolean onionCapable, double reputation, Price price) {

    /** A node that declares no price. */
    public NodeSpec(String id, NodeType type, NodeStatus status, Capacity capacity, String region,
                    GeoLocation location, String address, int port, Map<String, String> labels,
                    boolean onionCapable, double reputation) {
        this(id, type, status, capacity, region, location, address, port, labels, onionCapable, reputation, null);
    }

    public NodeSpec {
        Checks.id("id", id);
        Checks.notNull("type", type);
        status = status == null ? NodeStatus.ACTIVE : status;
        if (!status.isDeclarable()) {
            throw new ValidationException("status",
                    "a node may register as ACTIVE, IDLE or MAINTENANCE, not " + status);
        }
        Checks.notNull("capacity", capacity);
        region = Checks.text("region", region == null || region.isBlank() ? "default" : region);
        Checks.text("address", address);
        Checks.range("port", port, 0, 65535);
        labels = Checks.labels(labels);
        Checks.range("reputation", reputation, 0.0, 1.0);
    }

    /** The label that names the ledger account a node's work is paid into. */
    public static final String OPERATOR_LABEL = "operator";

    /** The account the node's work is paid into: its {@code operator} label when that is an id, else its own id. */
    public String operatorAccount() {
        String label = labels.get(OPERATOR_LABEL);
        return Checks.isId(label) ? label : id;
    }

    /** The same node with another reputation: the coordinator replaces a declared one with the earned one. */
    public NodeSpec withReputation(double earned) {
        return new NodeSpec(id, type, status, capacity, region, location, address, port, labels, onionCapable, earned,
                price);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Storage a node built without an explicit capacity offers: 10 GiB. */
    public static final long DEFAULT_STORAGE_MB = 10_240;

    /**
     * Fluent construction with defaults: COMPUTE_NODE, ACTIVE, 1 cpu, 1024 MB, 10 GiB storage, region "default",
     * reputation 1.0.
     */
    public static final class Builder {
        private final String id;
        private NodeType type = NodeType.COMPUTE_NODE;
        private NodeStatus status = NodeStatus.ACTIVE;
        private Capacity capacity = new Capacity(1, 1024, DEFAULT_STORAGE_MB, 0);
        private String region = "default";
        private GeoLocation location;
        private String address;
        private int port;
        private Map<String, String> labels = Map.of();
        private boolean onionCapable;
        private double reputation = 1.0;
        private Price price;

        private Builder(String id) {
            this.id = id;
        }

        public Builder type(NodeType type) {
            this.type = type;
            return this;
        }

        public Builder status(NodeStatus status) {
            this.status = status;
            return this;
        }

        public Builder capacity(Capacity capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder capacity(int cpuCores, long memoryMb) {
            this.capacity = new Capacity(cpuCores, memoryMb, capacity.storageMb(), capacity.gpuCount());
            return this;
        }

        public Builder gpus(int gpuCount) {
            this.capacity = new Capacity(capacity.cpuCores(), capacity.memoryMb(), capacity.storageMb(), gpuCount);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder location(double latitude, double longitude) {
            this.location = new GeoLocation(latitude, longitude);
            return this;
        }

        public Builder location(GeoLocation location) {
            this.location = location;
            return this;
        }

        public Builder address(String address, int port) {
            this.address = address;
            this.port = port;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder onionCapable(boolean onionCapable) {
            this.onionCapable = onionCapable;
            return this;
        }

        public Builder reputation(double reputation) {
            this.reputation = reputation;
            return this;
        }

        public Builder price(double perCoreHour, double perGpuHour) {
            this.price = new Price(perCoreHour, perGpuHour);
            return this;
        }

        public NodeSpec build() {
            return new NodeSpec(id, type, status, capacity, region, location, address, port, labels, onionCapable,
                    reputation, price);
        }
    }
}
