package org.fogcompute.balancer.internal;

import java.time.Duration;

/**
 * When a node's circuit opens and closes: open after {@code failureThreshold} consecutive failures, stay open for
 * {@code openFor}, then admit at most {@code trialPermits} trial calls; {@code successesToClose} successful trials
 * close it, one failed trial opens it again.
 */
record BreakerPolicy(int failureThreshold, Duration openFor, int trialPermits, int successesToClose) {
    static final BreakerPolicy DEFAULT = new BreakerPolicy(5, Duration.ofSeconds(60), 2, 2);

    BreakerPolicy {
        if (failureThreshold < 1 || trialPermits < 1 || successesToClose < 1 || successesToClose > trialPermits
                || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("breaker policy needs failures >= 1, open time > 0 and "
                    + "1 <= successes to close <= trial permits");
        }
    }
}
