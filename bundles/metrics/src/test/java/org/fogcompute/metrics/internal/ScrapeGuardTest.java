package org.fogcompute.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrapeGuardTest {
    private final ScrapeGuard guard = new ScrapeGuard("s3cret", ScrapeGuard.networks(new String[] {
        "127.0.0.1/32, ::1/128", "10.20.0.0/14"}));

    @Test
    void theTokenAdmitsFromAnywhereAndTheOpenNetworksWithoutIt() {
        assertThat(guard.admits("203.0.113.9", "Bearer s3cret")).isTrue();
        assertThat(guard.admits("203.0.113.9", "Bearer s3cre")).isFalse();
        assertThat(guard.admits("203.0.113.9", null)).isFalse();
        assertThat(guard.admits("127.0.0.1", null)).isTrue();
        assertThat(guard.admits("0:0:0:0:0:0:0:1", null)).isTrue();
        assertThat(guard.admits("10.23.255.1", null)).as("inside /14").isTrue();
        assertThat(guard.admits("10.24.0.1", null)).as("outside /14").isFalse();
        assertThat(guard.admits("127.0.0.2", "Basic czNjcmV0")).isFalse();
    }

    @Test
    void networksAreLiteralCidrsNeverNamesToLookUp() {
        assertThatThrownBy(() -> ScrapeGuard.networks(new String[] {"example.com/8"}))
                .hasMessageContaining("CIDR");
        assertThatThrownBy(() -> ScrapeGuard.networks(new String[] {"10.0.0.0/33"})).hasMessageContaining("CIDR");
        assertThat(new ScrapeGuard("t", List.of()).admits("127.0.0.1", null)).as("empty: the token everywhere")
                .isFalse();
    }

    @Test
    void aGeneratedTokenIsKeptOwnerOnlyAndReadAgain(@TempDir Path data) throws Exception {
        Path file = data.resolve("fog/metrics-scrape.token");
        String token = ScrapeGuard.tokenOf("", file);
        assertThat(token).hasSize(64);
        assertThat(ScrapeGuard.tokenOf(null, file)).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ScrapeGuard.tokenOf(" configured ", file)).isEqualTo("configured");
    }
}
