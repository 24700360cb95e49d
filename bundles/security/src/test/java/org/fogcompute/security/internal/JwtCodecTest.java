package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.fogcompute.api.security.AccessToken;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.Caller;
import org.fogcompute.api.security.Role;
import org.junit.jupiter.api.Test;

class JwtCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock = new MutableClock();
    private final JwtCodec codec = new JwtCodec(KEY, "fog-compute", "fog-api", clock);

    @Test
    void aUserTokenCarriesNameAndRoles() {
        AccessToken token = codec.issue(Caller.user("alice", Set.of(Role.OPERATOR, Role.VIEWER)), Duration.ofHours(1),
                JwtCodec.Kind.ACCESS, "v1", "s1");
        Caller caller = codec.verify(token.token()).caller();
        assertThat(caller.name()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.VIEWER);
        assertThat(caller.isOperator()).isTrue();
        assertThat(caller.isAdmin()).isFalse();
        assertThat(token.expiresInSeconds()).isEqualTo(3600);
    }

    @Test
    void aNodeCredentialActsForItsNodeOnly() {
        Caller node = codec.verify(codec.issue(Caller.node("n7"), Duration.ofDays(1), JwtCodec.Kind.ACCESS, "v1", "s1")
                .token()).caller();
        assertThat(node.isNode()).isTrue();
        assertThat(node.actsFor("n7")).isTrue();
        assertThat(node.actsFor("n8")).isFalse();
        assertThat(node.isViewer()).isFalse();
    }

    @Test
    void kindVersionAndSessionTravelWithTheToken() {
        JwtCodec.Claims claims = codec.verify(codec.issue(Caller.user("carol", Set.of(Role.VIEWER)),
                Duration.ofHours(12), JwtCodec.Kind.REFRESH, "ver-7", "session-3").token());
        assertThat(claims.kind()).isEqualTo(JwtCodec.Kind.REFRESH);
        assertThat(claims.version()).isEqualTo("ver-7");
        assertThat(claims.session()).isEqualTo("session-3");
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhenVerifiedBefore() {
        String token = codec.issue(Caller.user("bob", Set.of(Role.VIEWER)), Duration.ofMinutes(5),
                JwtCodec.Kind.ACCESS, "v1", "s1").token();
        codec.verify(token);
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("expired");
        JwtCodec fresh = new JwtCodec(KEY, "fog-compute", "fog-api", clock);
        assertThatThrownBy(() -> fresh.verify(token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void tokensOfAnotherIssuerAudienceOrKeyAreRefused() {
        String otherIssuer = new JwtCodec(KEY, "someone", "fog-api", clock)
                .issue(Caller.user("eve", Set.of(Role.ADMIN)), Duration.ofHours(1), JwtCodec.Kind.ACCESS, "v1", "s1")
                .token();
        String otherAudience = new JwtCodec(KEY, "fog-compute", "elsewhere", clock)
                .issue(Caller.user("eve", Set.of(Role.ADMIN)), Duration.ofHours(1), JwtCodec.Kind.ACCESS, "v1", "s1")
                .token();
        String otherKey = new JwtCodec("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII),
                "fog-compute", "fog-api", clock).issue(Caller.user("eve", Set.of(Role.ADMIN)), Duration.ofHours(1),
                JwtCodec.Kind.ACCESS, "v1", "s1")
                .token();
        for (String token : new String[] {otherIssuer, otherAudience, otherKey, "garbage", "a.b.c", ""}) {
            assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theNoneAlgorithmIsRefused() {
        String valid = codec.issue(Caller.user("eve", Set.of(Role.ADMIN)), Duration.ofHours(1), JwtCodec.Kind.ACCESS,
                "v1", "s1").token();
        String claims = valid.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"typ\":\"JWT\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> codec.verify(header + "." + claims + ".")).isInstanceOf(
                AuthenticationException.class);
    }

    @Test
    void aTokenClaimingTheNodeRoleWithoutANodeIdGetsNoRole() {
        Caller caller = codec.verify(codec.issue(Caller.user("mallory", Set.of(Role.NODE)), Duration.ofHours(1),
                JwtCodec.Kind.ACCESS, "v1", "s1").token()).caller();
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.actsFor("anything")).isFalse();
    }
}
