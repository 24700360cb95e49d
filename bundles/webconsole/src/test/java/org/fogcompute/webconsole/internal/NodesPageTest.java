package org.fogcompute.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.fogcompute.api.NodeStatus;
import org.junit.jupiter.api.Test;

class NodesPageTest {
    @Test
    void theFilterSurvivesInSortAndPageLinksUrlEncoded() {
        NodesPage.NodeFilter filter = NodesPage.NodeFilter.of(new FakeRequest().parameter("q", "a&b=<c>")
                .parameter("status", "active").parameter("region", "eu west").parameter("sort", "load")
                .parameter("dir", "desc").parameter("offset", "200").build());

        assertThat(filter.status()).isEqualTo(NodeStatus.ACTIVE);
        assertThat(filter.sort()).isEqualTo(NodesPage.Column.LOAD);
        assertThat(filter.descending()).isTrue();
        assertThat(filter.offset()).isEqualTo(200);
        assertThat(filter.query(NodesPage.Column.ID, false, 0))
                .isEqualTo("q=a%26b%3D%3Cc%3E&status=ACTIVE&region=eu+west&sort=id&dir=asc");
    }

    @Test
    void unknownSortAndBadOffsetFallBackToDefaults() {
        NodesPage.NodeFilter filter = NodesPage.NodeFilter.of(new FakeRequest().parameter("sort", "x')")
                .parameter("offset", "-5x").build());

        assertThat(filter.sort()).isEqualTo(NodesPage.Column.ID);
        assertThat(filter.offset()).isZero();
    }

    @Test
    void anUnknownStatusIsAClearError() {
        assertThatThrownBy(() -> NodesPage.NodeFilter.of(new FakeRequest().parameter("status", "FLYING").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("NodeStatus FLYING does not exist");
    }

    @Test
    void heartbeatAgeReadsNaturally() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");

        assertThat(NodesPage.age(null, now)).isEqualTo("never");
        assertThat(NodesPage.age(now.minusSeconds(7), now)).isEqualTo("7 s ago");
        assertThat(NodesPage.age(now.minusSeconds(600), now)).isEqualTo("10 min ago");
        assertThat(NodesPage.age(now.minusSeconds(3 * 3600), now)).isEqualTo("3 h ago");
        assertThat(NodesPage.age(now.plusSeconds(2), now)).isEqualTo("0 s ago");
    }
}
