package org.fogcompute.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerDirectory;
import org.fogcompute.api.p2p.PeerEndpoint;
import org.fogcompute.api.p2p.PeerQuery;
import org.fogcompute.api.p2p.PeerRecord;

/**
 * /api/p2p/peers: the peer directory. A node publishes and withdraws its own record only (its credential names it; a
 * record for another node id is refused), an admin may withdraw any; viewers and every node look records up, since
 * nodes find their peers here.
 */
final class PeerResource {
    private final Supplier<PeerDirectory> directory;

    PeerResource(Supplier<PeerDirectory> directory) {
        this.directory = directory;
    }

    /** The record as the node signed it; {@code nodeId} may be left out (the path names it). */
    record Publication(String nodeId, String publicKey, List<PeerEndpoint> endpoints, Long sequence, Instant signedAt,
                       String signature) {
    }

    void register(Router router) {
        router.get("/p2p/peers", Access.VIEWER_OR_ANY_NODE, "Look peers up: by region, nearest to a point first "
                + "(near=lat,lon), online ones only (a heartbeat within the liveness window)", this::list)
                .tag("p2p").query("region", "near", "online", "offset", "limit").returns(Peer.class);
        router.get("/p2p/peers/{nodeId}", Access.VIEWER_OR_ANY_NODE, "Read a node's peer record", this::detail)
                .tag("p2p").returns(Peer.class).errors(404);
        router.put("/p2p/peers/{nodeId}", Access.orNodeItself(Access.ADMIN, "nodeId"), "Publish the node's peer "
                + "record, signed with its Ed25519 key", this::publish).tag("p2p").body(Publication.class)
                .returns(Peer.class).errors(404, 409);
        router.delete("/p2p/peers/{nodeId}", Access.orNodeItself(Access.ADMIN, "nodeId"), "Withdraw a node's peer "
                + "record", this::withdraw).tag("p2p").errors(404);
    }

    private PeerDirectory directory() {
        return Services.require(directory, "the peer directory");
    }

    private Object list(Call call) {
        call.allowQuery(Set.of("region", "near", "online", "offset", "limit"));
        String online = call.query("online");
        if (online != null && !online.equals("true") && !online.equals("false")) {
            throw ApiException.badRequest("online", "online must be true or false, got '" + online + "'");
        }
        return directory().peers(new PeerQuery(call.query("region"), near(call.query("near")), "true".equals(online),
                call.queryInt("offset", 0, 0, Integer.MAX_VALUE), call.queryInt("limit", 100, 1,
                        PeerQuery.MAX_LIMIT)));
    }

    private static GeoLocation near(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            throw ApiException.badRequest("near", "near must be latitude,longitude in degrees, got '" + value + "'");
        }
        try {
            return new GeoLocation(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("near", "near must be latitude,longitude in degrees, got '" + value + "'");
        }
    }

    private Object detail(Call call) {
        call.allowQuery(Set.of());
        String id = call.id("nodeId");
        return directory().peer(id).orElseThrow(() -> new NotFoundException("node '" + id
                + "' published no peer record"));
    }

    private Object publish(Call call) {
        call.allowQuery(Set.of());
        String id = call.id("nodeId");
        Publication body = call.body(Publication.class);
        if (body.nodeId() != null && !body.nodeId().equals(id)) {
            throw ApiException.forbidden("a record for node '" + body.nodeId() + "' cannot be published as node '"
                    + id + "': each node publishes its own");
        }
        if (body.sequence() == null) {
            throw new ValidationException("sequence", "sequence is required: it increases with every record");
        }
        return directory().publish(new PeerRecord(id, body.publicKey(), body.endpoints(), body.sequence(),
                body.signedAt(), body.signature()));
    }

    private Object withdraw(Call call) {
        call.allowQuery(Set.of());
        String id = call.id("nodeId");
        if (!directory().withdraw(id)) {
            throw new NotFoundException("node '" + id + "' published no peer record");
        }
        return new Route.Reply(204, null);
    }
}
