package org.fogcompute.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfGuardTest {
    private final CsrfGuard guard = new CsrfGuard("a fixed key for the test, 32 b.".getBytes());

    private static FakeRequest inSession(String session) {
        return new FakeRequest().attribute(org.fogcompute.console.guard.ConsoleGuard.SESSION_ATTRIBUTE, session);
    }

    @Test
    void theUsersOwnTokenOfTheSessionIsAccepted() {
        String token = guard.tokenFor("admin", "session-1");

        assertThat(guard.refusal(inSession("session-1").parameter("csrf", token).build(), "admin")).isNull();
    }

    @Test
    void aMissingForgedOtherUsersOrOtherSessionsTokenIsRefused() {
        assertThat(guard.refusal(inSession("session-1").build(), "admin")).contains("no CSRF token");
        assertThat(guard.refusal(inSession("session-1").parameter("csrf", "forged").build(), "admin"))
                .contains("not valid");
        assertThat(guard.refusal(inSession("session-1").parameter("csrf", guard.tokenFor("bob", "session-1"))
                .build(), "admin")).contains("not valid");
        // a token of an earlier login session of the same user
        assertThat(guard.refusal(inSession("session-2").parameter("csrf", guard.tokenFor("admin", "session-1"))
                .build(), "admin")).contains("not valid");
    }

    @Test
    void theTokenIsNeverTakenFromTheAddress() {
        String token = guard.tokenFor("admin", "session-1");
        // the container merges query and body parameters: the query string alone says where it came from
        assertThat(guard.refusal(inSession("session-1").parameter("csrf", token).query("action=x&csrf=" + token)
                .build(), "admin")).contains("form body only");
    }

    @Test
    void tokensDifferBetweenKeysSoARestartInvalidatesOldPages() {
        assertThat(new CsrfGuard().tokenFor("admin", "s")).isNotEqualTo(new CsrfGuard().tokenFor("admin", "s"));
    }
}
