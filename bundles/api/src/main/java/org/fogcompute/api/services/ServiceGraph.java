package org.fogcompute.api.services;

import java.util.List;

/**
 * The fog services and their wiring: startup order (by layer), shutdown order (its reverse) and any dependency
 * cycles, each as the path that closes it. Services in a cycle get layer -1.
 */
public record ServiceGraph(List<ServiceInfo> services, List<String> startupOrder, List<String> shutdownOrder,
                           List<List<String>> cycles) {
}
