package org.fogcompute.persistence.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.Price;
import org.fogcompute.api.store.FleetStore.StoredNode;

/** A row of {@code fog_node}; the schema (with its indexes) comes from the migrations. */
@Entity
@Table(name = "fog_node")
public class NodeRecord {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "owner_id")
    String ownerId;
    @Column(name = "node_type")
    String type;
    @Column(name = "declared_status")
    String declaredStatus;
    @Column(name = "status")
    String status;
    @Column(name = "region")
    String region;
    @Column(name = "latitude")
    Double latitude;
    @Column(name = "longitude")
    Double longitude;
    @Column(name = "address")
    String address;
    @Column(name = "port")
    int port;
    @Column(name = "cpu_cores")
    int cpuCores;
    @Column(name = "memory_mb")
    long memoryMb;
    @Column(name = "storage_mb")
    long storageMb;
    @Column(name = "gpu_count")
    int gpuCount;
    @Column(name = "onion_capable")
    boolean onionCapable;
    @Column(name = "reputation")
    double reputation;
    @Column(name = "labels")
    String labels;
    @Column(name = "cpu_percent")
    double cpuPercent;
    @Column(name = "memory_percent")
    double memoryPercent;
    @Column(name = "uptime_percent")
    double uptimePercent;
    @Column(name = "circuit_count")
    int circuitCount;
    @Column(name = "completed_tasks")
    long completedTasks;
    @Column(name = "failed_tasks")
    long failedTasks;
    @Column(name = "registered_at")
    long registeredAt;
    @Column(name = "last_heartbeat")
    long lastHeartbeat;
    @Column(name = "price_core_hour")
    Double priceCoreHour;
    @Column(name = "price_gpu_hour")
    Double priceGpuHour;
    @Column(name = "registration_seq")
    Long registrationSequence;

    protected NodeRecord() {
    }

    static NodeRecord of(String ownerId, StoredNode stored) {
        NodeRecord r = new NodeRecord();
        Node n = stored.node();
        NodeSpec s = n.spec();
        r.id = s.id();
        r.ownerId = ownerId;
        r.type = s.type().name();
        r.declaredStatus = stored.declaredStatus().name();
        r.region = s.region();
        r.latitude = s.location() == null ? null : s.location().latitude();
        r.longitude = s.location() == null ? null : s.location().longitude();
        r.address = s.address();
        r.port = s.port();
        r.cpuCores = s.capacity().cpuCores();
        r.memoryMb = s.capacity().memoryMb();
        r.storageMb = s.capacity().storageMb();
        r.gpuCount = s.capacity().gpuCount();
        r.onionCapable = s.onionCapable();
        r.reputation = s.reputation();
        r.priceCoreHour = s.price() == null ? null : s.price().perCoreHour();
        r.priceGpuHour = s.price() == null ? null : s.price().perGpuHour();
        r.labels = Labels.format(s.labels());
        r.registeredAt = n.registeredAt().toEpochMilli();
        r.registrationSequence = stored.registrationSequence();
        r.update(n);
        return r;
    }

    /** Copies what changes over a node's life: status, load, counters, heartbeat. */
    void update(Node n) {
        status = n.status().name();
        cpuPercent = n.metrics().cpuPercent();
        memoryPercent = n.metrics().memoryPercent();
        uptimePercent = n.metrics().uptimePercent();
        circuitCount = n.metrics().circuitCount();
        completedTasks = n.completedTasks();
        failedTasks = n.failedTasks();
        lastHeartbeat = n.lastHeartbeat().toEpochMilli();
    }

    StoredNode toStored() {
        NodeStatus declared = NodeStatus.valueOf(declaredStatus);
        NodeSpec spec = new NodeSpec(id, NodeType.valueOf(type), declared,
                new Capacity(cpuCores, memoryMb, storageMb, gpuCount), region,
                latitude == null || longitude == null ? null : new GeoLocation(latitude, longitude), address, port,
                Labels.parse(labels), onionCapable, reputation,
                priceCoreHour == null || priceGpuHour == null ? null : new Price(priceCoreHour, priceGpuHour));
        Node node = new Node(spec, NodeStatus.valueOf(status),
                new NodeMetrics(cpuPercent, memoryPercent, uptimePercent, circuitCount), 0, 0, 0, completedTasks,
                failedTasks, Instant.ofEpochMilli(registeredAt), Instant.ofEpochMilli(lastHeartbeat));
        // rows from before migration V2 have no sequence: their registration time orders them
        return new StoredNode(node, declared, registrationSequence == null ? registeredAt : registrationSequence);
    }
}
