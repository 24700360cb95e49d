package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.JoinToken;
import org.junit.jupiter.api.Test;

class JoinTokenBookTest {
    private final MutableClock clock = new MutableClock();
    private final JoinTokenBook book = new JoinTokenBook(clock, Duration.ofMinutes(15), 3, 2);

    @Test
    void aTokenIsTakenOnce() {
        JoinToken token = book.issue("admin");
        book.take(token.token());
        assertThatThrownBy(() -> book.take(token.token())).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("used");
    }

    @Test
    void aTokenPutBackAfterAFailedEnrollmentWorksAgain() {
        JoinToken token = book.issue("admin");
        book.putBack(book.take(token.token()));
        assertThat(book.take(token.token()).entry().issuedBy()).isEqualTo("admin");
    }

    @Test
    void aTokenIsVoidAfterItsLastAllowedFailedEnrollment() {
        JoinToken token = book.issue("admin");
        assertThat(book.putBack(book.take(token.token()))).isTrue();
        assertThat(book.putBack(book.take(token.token()))).isFalse();
        assertThatThrownBy(() -> book.take(token.token())).isInstanceOf(AuthenticationException.class);
        assertThat(book.outstanding()).isZero();
    }

    @Test
    void aTokenExpiresAfterFifteenMinutes() {
        JoinToken token = book.issue("admin");
        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(() -> book.take(token.token())).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("expired");
        assertThat(book.outstanding()).isZero();
    }

    @Test
    void onlyADigestIsKeptAndUnknownTokensAreRefused() {
        JoinToken token = book.issue("admin");
        assertThatThrownBy(() -> book.take(token.token() + "x")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> book.take(null)).isInstanceOf(AuthenticationException.class);
        assertThat(book.outstanding()).isEqualTo(1);
    }

    @Test
    void outstandingTokensAreBounded() {
        book.issue("a");
        book.issue("b");
        book.issue("c");
        assertThatThrownBy(() -> book.issue("d")).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofMinutes(16));
        assertThat(book.issue("e").issuedBy()).isEqualTo("e");
    }
}
