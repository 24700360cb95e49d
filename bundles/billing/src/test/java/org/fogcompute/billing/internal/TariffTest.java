package org.fogcompute.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Price;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.ledger.Credits;
import org.junit.jupiter.api.Test;

class TariffTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final Tariff tariff = new Tariff(new Price(10, 40), Duration.ofHours(1));

    @Test
    void aNodeIsPaidItsPricePerCoreAndGpuForTheTimeTheTaskRan() {
        TaskRequirements twoCores = new TaskRequirements(2, 512, 0, false);
        // 10 credits per core-hour × 2 cores × 90 s = 0.5 credits
        assertThat(tariff.charge(twoCores, null, 90_000)).isEqualTo(Credits.micros(0.5));
        // a declared price replaces the default; a GPU task pays the GPU-hour too: (3 × 1 + 6) × 1/3 h = 3 credits
        TaskRequirements gpu = new TaskRequirements(1, 512, 0, true);
        assertThat(tariff.charge(gpu, new Price(3, 6), 1_200_000)).isEqualTo(Credits.micros(3));
        assertThat(tariff.charge(twoCores, new Price(0, 0), 90_000)).isZero();
        assertThat(tariff.charge(twoCores, null, -5)).isZero();
    }

    @Test
    void whatIsHeldIsThePriceLimitOrTheDefaultForTheHoldTimeOrUntilTheDeadline() {
        TaskSpec defaults = TaskSpec.builder().id("t").requirements(3, 256).build();
        assertThat(tariff.maxCharge(defaults, NOW)).isEqualTo(Credits.micros(30)); // 3 cores × 10 × 1 h
        TaskSpec limited = TaskSpec.builder().id("t").requirements(3, 256).priceLimit(4.5).build();
        assertThat(tariff.maxCharge(limited, NOW)).isEqualTo(Credits.micros(4.5));
        TaskSpec soon = TaskSpec.builder().id("t").requirements(3, 256).deadline(NOW.plusSeconds(600)).build();
        assertThat(tariff.maxCharge(soon, NOW)).isEqualTo(Credits.micros(5)); // 30 an hour for 10 min
        TaskSpec free = TaskSpec.builder().id("t").priceLimit(0.0).build();
        assertThat(tariff.maxCharge(free, NOW)).isZero();
    }

    @Test
    void amountsRoundToTheMicroCreditAndNeverExceedOneEntry() {
        assertThat(Tariff.micros(1, 1)).isEqualTo(0); // 1/3600 micro-credit
        assertThat(Tariff.micros(1, 2)).isEqualTo(1); // 0.56 rounds up
        assertThat(Tariff.micros(Price.MAX, Long.MAX_VALUE / 2)).isEqualTo(Credits.MAX_AMOUNT);
    }

    @Test
    void aNodeIsPaidIntoItsOperatorLabelOrElseItsOwnAccount() {
        assertThat(Tariff.operatorOf(node(Map.of("operator", "acme")))).isEqualTo("acme");
        assertThat(Tariff.operatorOf(node(Map.of()))).isEqualTo("n1");
        assertThat(Tariff.operatorOf(node(Map.of("operator", "not an id")))).isEqualTo("n1");
    }

    private static Node node(Map<String, String> labels) {
        return new Node(NodeSpec.builder("n1").labels(labels).build(), NodeStatus.ACTIVE, NodeMetrics.IDLE, 0, 0, 0,
                0, 0, NOW, NOW);
    }
}
