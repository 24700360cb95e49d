package org.fogcompute.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfGuardTest {
    private final CsrfGuard guard = new CsrfGuard("a fixed key for the test, 32 b.".getBytes());

    @Test
    void theUsersOwnTokenFromTheSameOriginIsAccepted() {
        String token = guard.tokenFor("admin");

        assertThat(guard.refusal(new FakeRequest().parameter("csrf", token).build(), "admin")).isNull();
        assertThat(guard.refusal(new FakeRequest().parameter("csrf", token).header("Host", "fog:8181")
                .header("Origin", "http://fog:8181").header("Sec-Fetch-Site", "same-origin").build(), "admin"))
                .isNull();
    }

    @Test
    void aMissingForgedOrOtherUsersTokenIsRefused() {
        assertThat(guard.refusal(new FakeRequest().build(), "admin")).contains("no CSRF token");
        assertThat(guard.refusal(new FakeRequest().parameter("csrf", "forged").build(), "admin"))
                .contains("not valid");
        assertThat(guard.refusal(new FakeRequest().parameter("csrf", guard.tokenFor("bob")).build(), "admin"))
                .contains("not valid");
    }

    @Test
    void aRequestFromAnotherSiteIsRefusedEvenWithTheToken() {
        String token = guard.tokenFor("admin");

        assertThat(guard.refusal(new FakeRequest().parameter("csrf", token).header("Host", "fog:8181")
                .header("Origin", "http://evil.example").build(), "admin")).contains("another site");
        assertThat(guard.refusal(new FakeRequest().parameter("csrf", token).header("Host", "fog:8181")
                .header("Origin", "http://fog:9999").build(), "admin")).contains("another site");
        assertThat(guard.refusal(new FakeRequest().parameter("csrf", token)
                .header("Sec-Fetch-Site", "cross-site").build(), "admin")).contains("another site");
    }

    @Test
    void tokensDifferBetweenKeysSoARestartInvalidatesOldPages() {
        assertThat(new CsrfGuard().tokenFor("admin")).isNotEqualTo(new CsrfGuard().tokenFor("admin"));
    }
}
