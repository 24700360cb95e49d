package org.fogcompute.api;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Generic entry point for clients that speak in typed requests: {@code compute_task}, {@code query_status},
 * {@code update_metrics}. An unknown type throws a {@link ValidationException} naming it.
 */
@ProviderType
public interface RequestHandler {
    String COMPUTE_TASK = "compute_task";
    String QUERY_STATUS = "query_status";
    String UPDATE_METRICS = "update_metrics";

    Map<String, Object> handle(String type, Map<String, Object> parameters);
}
