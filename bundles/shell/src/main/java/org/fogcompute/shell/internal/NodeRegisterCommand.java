package org.fogcompute.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.ValidationException;

@Service
@Command(scope = "fog", name = "node-register", description = "Registers a node")
public class NodeRegisterCommand extends FogAction {
    @Reference(optional = true)
    NodeRegistry registry;

    @Argument(index = 0, name = "id", description = "Node id: 1..128 characters of [A-Za-z0-9._:-], not . or ..", required = true)
    String id;

    @Option(name = "-t", aliases = "--type", description = "EDGE_DEVICE, RELAY_NODE, MIXNODE, COMPUTE_NODE, GATEWAY")
    String type = "COMPUTE_NODE";

    @Option(name = "-s", aliases = "--status", description = "ACTIVE, IDLE or MAINTENANCE")
    String status = "ACTIVE";

    @Option(name = "-c", aliases = "--cpu", description = "Cpu cores (≥ 1)")
    int cpu = 1;

    @Option(name = "-m", aliases = "--memory", description = "Memory in MB (≥ 1)")
    long memoryMb = 1024;

    @Option(name = "--storage", description = "Storage in MB (≥ 0)")
    long storageMb = 10_240;

    @Option(name = "-g", aliases = "--gpus", description = "Number of GPUs (≥ 0)")
    int gpus;

    @Option(name = "-r", aliases = "--region", description = "Region")
    String region = "default";

    @Option(name = "--lat", description = "Latitude in degrees")
    Double latitude;

    @Option(name = "--lon", description = "Longitude in degrees")
    Double longitude;

    @Option(name = "--onion", description = "The node supports onion routing")
    boolean onion;

    @Option(name = "--reputation", description = "Reputation 0..1")
    double reputation = 1.0;

    @Option(name = "--address", description = "host:port the node listens on")
    String address;

    @Option(name = "-l", aliases = "--label", description = "key=value (repeatable)", multiValued = true)
    List<String> labels;

    @Override
    protected Object run() {
        if ((latitude == null) != (longitude == null)) {
            throw new ValidationException(latitude == null ? "lat" : "lon", "give both --lat and --lon, or neither");
        }
        String host = null;
        int port = 0;
        if (address != null) {
            int colon = address.lastIndexOf(':');
            if (colon <= 0) {
                throw new ValidationException("address", "address must be host:port, got '" + address + "'");
            }
            host = address.substring(0, colon);
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ValidationException("address", "port in '" + address + "' is not a number");
            }
        }
        NodeSpec spec = new NodeSpec(id, Values.enumValue(NodeType.class, "type", type),
                Values.enumValue(NodeStatus.class, "status", status), new Capacity(cpu, memoryMb, storageMb, gpus),
                region, latitude == null ? null : new GeoLocation(latitude, longitude), host, port,
                Values.labels(labels), onion, reputation);
        Node node = registry.register(spec);
        System.out.println("Registered node " + node.id() + " (" + node.status() + ")");
        return null;
    }
}
