/**
 * Deployments: replicated long-running workloads kept at their count on distinct nodes, their replicas placed as
 * tasks through the coordinator and balanced by the load balancer's algorithms.
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.deployments;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
