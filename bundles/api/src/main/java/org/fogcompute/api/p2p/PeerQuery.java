package org.fogcompute.api.p2p;

import org.fogcompute.api.Checks;
import org.fogcompute.api.GeoLocation;

/**
 * A directory lookup: peers in a region (null: any), nearest to a point first when {@code near} is given (peers
 * without a location are left out then; otherwise ordered by node id), online ones only when asked, a page.
 */
public record PeerQuery(String region, GeoLocation near, boolean onlineOnly, int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public PeerQuery {
        Checks.range("offset", offset, 0, Integer.MAX_VALUE);
        Checks.range("limit", limit, 1, MAX_LIMIT);
    }
}
