package org.fogcompute.deployments.internal;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.fogcompute.api.deployments.ReplicaState;
import org.fogcompute.api.metrics.MetricsSink;

/**
 * What {@code /metrics} shows of the deployments: their replicas by state as of the last reconciliation pass (so a
 * scrape reads a snapshot and looks nothing up), the passes and their time, and how resolutions went. Labels are
 * states and outcomes only, never a deployment's name.
 */
final class DeploymentMetrics {
    /** Why a resolution gave no replica, as a label. */
    enum Unresolved { NO_RUNNING_REPLICA, CIRCUITS_OPEN, CHANGING, NO_BALANCER }

    private final LongAdder passes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final DoubleAdder passSeconds = new DoubleAdder();
    private final LongAdder resolved = new LongAdder();
    private final LongAdder[] unresolved = adders(Unresolved.values().length);
    private final LongAdder reportedSuccess = new LongAdder();
    private final LongAdder reportedFailure = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private volatile Snapshot snapshot = new Snapshot(0, 0, new int[ReplicaState.values().length]);

    private record Snapshot(int deployments, int incomplete, int[] replicasByState) {
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    void passed(long nanos, int deployments, int incomplete, int[] replicasByState) {
        passes.increment();
        passSeconds.add(nanos / 1e9);
        snapshot = new Snapshot(deployments, incomplete, replicasByState.clone());
    }

    /** A pass that did not finish (the database unavailable): the gauges keep the last pass that did. */
    void failed() {
        failures.increment();
    }

    void resolved() {
        resolved.increment();
    }

    void unresolved(Unresolved why) {
        unresolved[why.ordinal()].increment();
    }

    void reported(boolean success) {
        (success ? reportedSuccess : reportedFailure).increment();
    }

    void expired(int count) {
        expired.add(count);
    }

    void collect(MetricsSink sink, int openLeases) {
        Snapshot now = snapshot;
        sink.gauge("fog_deployments", "Deployments", now.deployments());
        sink.gauge("fog_deployments_incomplete", "Deployments with fewer replicas of their generation running than "
                + "asked for", now.incomplete());
        for (ReplicaState state : ReplicaState.values()) {
            sink.gauge("fog_deployment_replicas", "Replicas of every deployment by state, at the last reconciliation",
                    now.replicasByState()[state.ordinal()], "state", state.name());
        }
        sink.counter("fog_deployment_reconciliations_total", "Reconciliation passes over every deployment",
                passes.sum());
        sink.counter("fog_deployment_reconciliation_failures_total", "Reconciliation passes that did not finish (the "
                + "database unavailable); the replica gauges show the last pass that did", failures.sum());
        sink.counter("fog_deployment_reconciliation_seconds_total", "Time spent in reconciliation passes",
                passSeconds.sum());
        sink.counter("fog_deployment_resolutions_total", "Resolutions by outcome", resolved.sum(), "outcome",
                "resolved");
        for (Unresolved why : Unresolved.values()) {
            sink.counter("fog_deployment_resolutions_total", "Resolutions by outcome", unresolved[why.ordinal()].sum(),
                    "outcome", why.name().toLowerCase(java.util.Locale.ROOT));
        }
        sink.counter("fog_deployment_reports_total", "Resolutions reported back, or settled unreported",
                reportedSuccess.sum(), "outcome", "success");
        sink.counter("fog_deployment_reports_total", "Resolutions reported back, or settled unreported",
                reportedFailure.sum(), "outcome", "failure");
        sink.counter("fog_deployment_reports_total", "Resolutions reported back, or settled unreported",
                expired.sum(), "outcome", "unreported");
        sink.gauge("fog_deployment_open_leases", "Resolutions not reported yet", openLeases);
    }
}
