package org.fogcompute.api.deployments;

import org.fogcompute.api.ValidationException;

/**
 * A page of deployments: {@code namePrefix} and {@code region} filter (null: all); {@code sort} by NAME (default),
 * CREATED (newest first) or REPLICAS (most first); {@code onlyIncomplete} keeps those not fully running.
 */
public record DeploymentQuery(String namePrefix, String region, Boolean onlyIncomplete, Sort sort, int offset,
                              int limit) {
    public static final int MAX_LIMIT = 1000;

    public enum Sort { NAME, CREATED, REPLICAS }

    public DeploymentQuery {
        sort = sort == null ? Sort.NAME : sort;
        if (offset < 0) {
            throw new ValidationException("offset", "offset is 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "limit is 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static DeploymentQuery all() {
        return new DeploymentQuery(null, null, null, Sort.NAME, 0, MAX_LIMIT);
    }
}
