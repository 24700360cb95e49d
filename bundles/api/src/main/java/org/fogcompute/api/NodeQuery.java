package org.fogcompute.api;

/** Filters and paging for node listings; null filters match everything. Limit is 1..10,000 [100]. */
public record NodeQuery(NodeStatus status, NodeType type, String region, String labelKey, String labelValue,
                        int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;
    public static final NodeQuery ALL = new NodeQuery(null, null, null, null, null, 0, MAX_LIMIT);

    public NodeQuery {
        Checks.range("offset", offset, 0, Integer.MAX_VALUE);
        Checks.range("limit", limit, 1, MAX_LIMIT);
    }

    public boolean matches(Node node) {
        return (status == null || node.status() == status)
                && (type == null || node.type() == type)
                && (region == null || region.equals(node.region()))
                && (labelKey == null || (labelValue == null
                        ? node.spec().labels().containsKey(labelKey)
                        : labelValue.equals(node.spec().labels().get(labelKey))));
    }
}
