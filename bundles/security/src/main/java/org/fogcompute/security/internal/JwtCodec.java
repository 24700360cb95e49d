package org.fogcompute.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fogcompute.api.security.AccessToken;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.Caller;
import org.fogcompute.api.security.Role;

/**
 * Signs and checks JWTs with HMAC-SHA256. Only HS256 is accepted (a token naming "none" or any other algorithm is
 * refused), and issuer, audience, expiry and the subject are required. Verified tokens are remembered briefly so
 * that a node heartbeating every second does not pay for parsing and a MAC each time.
 */
final class JwtCodec {
    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;
    private static final String ROLES = "roles";
    private static final String NODE = "node";
    /** The credential version the token was issued against: the user's realm entry, or the node's registration. */
    private static final String VERSION = "ver";
    /** The login session the token belongs to; logging out revokes it. */
    private static final String SESSION = "sid";
    /** "access" (a bearer token) or "refresh" (only good for new tokens at /api/auth/refresh). */
    private static final String KIND = "kind";
    private static final Duration REMEMBER_VERIFIED = Duration.ofSeconds(60);

    private final MACSigner signer;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final Cache<String, Claims> verified;

    /** What a token says once its signature, issuer, audience and expiry are checked. */
    record Claims(Caller caller, Kind kind, String version, String session, Instant expiresAt) {
    }

    enum Kind { ACCESS, REFRESH }

    JwtCodec(byte[] secret, String issuer, String audience, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("signing key rejected: " + e.getMessage(), e);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHM, new ImmutableSecret<>(secret)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat", "jti")) {
            @Override
            public Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
        this.verified = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(REMEMBER_VERIFIED).build();
    }

    AccessToken issue(Caller caller, Duration lifetime, Kind kind, String version, String session) {
        Instant now = clock.instant();
        return issueUntil(caller, now.plus(lifetime), kind, version, session);
    }

    AccessToken issueUntil(Caller caller, Instant expiresAt, Kind kind, String version, String session) {
        Instant now = clock.instant();
        Duration lifetime = Duration.between(now, expiresAt);
        List<String> roles = new ArrayList<>();
        caller.roles().forEach(role -> roles.add(role.realmName()));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .subject(caller.name()).issueTime(Date.from(now)).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString()).claim(ROLES, roles).claim(KIND, kind.name().toLowerCase(
                        java.util.Locale.ROOT)).claim(VERSION, version);
        if (session != null) {
            claims.claim(SESSION, session);
        }
        if (caller.isNode()) {
            claims.claim(NODE, caller.nodeId());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ALGORITHM).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new AccessToken(jwt.serialize(), expiresAt, lifetime.toSeconds());
    }

    Claims verify(String token) {
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("a bearer token is required");
        }
        Instant now = clock.instant();
        Claims known = verified.getIfPresent(token);
        if (known != null) {
            if (now.isBefore(known.expiresAt())) {
                return known;
            }
            verified.invalidate(token);
            throw new AuthenticationException("the token has expired");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException e) {
            throw new AuthenticationException(e.getMessage().contains("xpired") ? "the token has expired"
                    : "the token was refused: " + e.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AuthenticationException("the token is not a valid token of this runtime");
        }
        Claims result;
        try {
            String kind = claims.getStringClaim(KIND);
            result = new Claims(toCaller(claims), "refresh".equals(kind) ? Kind.REFRESH : Kind.ACCESS,
                    String.valueOf(claims.getStringClaim(VERSION)), claims.getStringClaim(SESSION),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new AuthenticationException("the token's claims are malformed");
        }
        verified.put(token, result);
        return result;
    }

    private static Caller toCaller(JWTClaimsSet claims) {
        try {
            String nodeId = claims.getStringClaim(NODE);
            if (nodeId != null) {
                return Caller.node(nodeId);
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            List<String> names = claims.getStringListClaim(ROLES);
            for (String name : names == null ? List.<String>of() : new HashSet<>(names)) {
                Role.fromRealmName(name).filter(r -> r != Role.NODE).ifPresent(roles::add);
            }
            return Caller.user(claims.getSubject(), roles);
        } catch (ParseException e) {
            throw new AuthenticationException("the token's claims are malformed");
        }
    }
}
