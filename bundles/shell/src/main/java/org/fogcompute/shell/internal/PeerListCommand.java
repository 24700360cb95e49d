package org.fogcompute.shell.internal;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerDirectory;
import org.fogcompute.api.p2p.PeerQuery;

@Service
@Command(scope = "fog", name = "peer-list", description = "The peer directory: each node's signed record (key, "
        + "endpoints), region, online or not, last seen; by region or nearest to a point first")
public class PeerListCommand extends FogAction {
    @Reference(optional = true)
    PeerDirectory directory;

    @Option(name = "--region", description = "Only peers in this region")
    String region;

    @Option(name = "--near", description = "Nearest to latitude,longitude first (peers without a location left out)")
    String near;

    @Option(name = "--online", description = "Only peers whose node sent a heartbeat within the liveness window")
    boolean online;

    @Option(name = "--limit", description = "At most this many (1..1000)")
    int limit = 100;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        GeoLocation point = null;
        if (near != null) {
            String[] parts = near.split(",", -1);
            try {
                point = new GeoLocation(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--near must be latitude,longitude in degrees, got '" + near + "'");
            }
        }
        ShellTable table = new ShellTable().emptyTableText("No peer record (nodes publish theirs with PUT "
                + "/api/p2p/peers/{nodeId})");
        table.column("NODE");
        table.column("REGION");
        table.column("ONLINE");
        table.column("LAST SEEN");
        if (point != null) {
            table.column("KM").alignRight();
        }
        table.column("ENDPOINTS");
        table.column("KEY");
        table.column("SEQ").alignRight();
        for (Peer peer : directory.peers(new PeerQuery(region, point, online, 0, limit))) {
            org.apache.karaf.shell.support.table.Row row = table.addRow();
            row.addContent(peer.record().nodeId(), peer.region(), peer.online() ? "yes" : "no", peer.lastSeen());
            if (point != null) {
                row.addContent(String.format("%.0f", peer.distanceKm()));
            }
            row.addContent(peer.record().endpoints().stream().map(e -> e.transport() + "://" + e.host() + ":"
                    + e.port()).collect(Collectors.joining(" ")), peer.record().publicKey().substring(0, 12) + "…",
                    peer.record().sequence());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
