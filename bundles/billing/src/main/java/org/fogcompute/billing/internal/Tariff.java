package org.fogcompute.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.fogcompute.api.Node;
import org.fogcompute.api.Price;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.ledger.Credits;

/**
 * What tasks cost, in micro-credits. A node charges its declared price (or the default) per cpu core and hour, and per
 * GPU and hour when the task needs one, for the time the task ran. What is held at submission is the most the task may
 * cost: its price limit (credits per hour), or the default price for what it needs, for the hold time (or until its
 * deadline, when that comes first). A task that runs longer than what was held pays its node no more than that.
 */
final class Tariff {
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

    private final Price defaultPrice;
    private final Duration holdTime;

    Tariff(Price defaultPrice, Duration holdTime) {
        this.defaultPrice = defaultPrice;
        this.holdTime = holdTime;
    }

    Price defaultPrice() {
        return defaultPrice;
    }

    Duration holdTime() {
        return holdTime;
    }

    /** Credits per hour the task may cost at most. */
    double hourlyLimit(TaskSpec task) {
        return task.priceLimit() != null ? task.priceLimit() : defaultPrice.hourlyFor(task.requirements());
    }

    /** The most the task may cost: what is held for it at submission. */
    long maxCharge(TaskSpec task, Instant now) {
        long millis = holdTime.toMillis();
        if (task.deadline() != null) {
            millis = Math.min(millis, Math.max(0, Duration.between(now, task.deadline()).toMillis()));
        }
        return micros(hourlyLimit(task), millis);
    }

    /** What a task that needed {@code requirements} costs for {@code runMillis} on a node with {@code price}. */
    long charge(TaskRequirements requirements, Price price, long runMillis) {
        return micros((price == null ? defaultPrice : price).hourlyFor(requirements), Math.max(0, runMillis));
    }

    /** Micro-credits of {@code hourly} credits an hour for {@code millis}, rounded half up, at most one entry's worth. */
    static long micros(double hourly, long millis) {
        BigDecimal micros = BigDecimal.valueOf(hourly).multiply(BigDecimal.valueOf(millis))
                .movePointRight(6).divide(MILLIS_PER_HOUR, 0, RoundingMode.HALF_UP);
        return micros.min(BigDecimal.valueOf(Credits.MAX_AMOUNT)).longValueExact();
    }

    /** The account a node's work is paid into (see {@link org.fogcompute.api.NodeSpec#operatorAccount()}). */
    static String operatorOf(Node node) {
        return node.spec().operatorAccount();
    }
}
