package org.fogcompute.api.p2p;

import java.time.Instant;
import org.fogcompute.api.GeoLocation;

/**
 * A published record with what the fleet knows of its node: region and location as registered, whether it is online
 * (a heartbeat within the directory's liveness window, 300 s by default) and when it was seen last.
 *
 * @param distanceKm from the point a lookup asked for the nearest peers of; null otherwise
 */
public record Peer(PeerRecord record, String region, GeoLocation location, boolean online, Instant lastSeen,
                   Double distanceKm) {
}
