package org.fogcompute.security.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.security.AccessToken;
import org.fogcompute.api.security.AccessTokens;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.Caller;
import org.fogcompute.api.security.Role;
import org.fogcompute.api.security.UserSession;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens for users of the JAAS realm and for enrolled nodes, and their revocation. Every token names the
 * version of the credentials it was issued against (the user's realm entry, the node's registration) and users'
 * tokens their login session; a token whose version is no longer current, or whose session was logged out, is
 * refused on its next request.
 */
@Component(property = {"fog.service.name=security", "fog.service.critical=true"},
        configurationPid = SecuritySettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecuritySettings.class)
public final class AccessTokenComponent implements AccessTokens {
    private final UserRealm users;
    private final JwtCodec codec;
    private final RevokedSessions revoked;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final Duration nodeCredentialLifetime;

    /** Optional: node credentials are checked against the live registration, users' tokens need no registry. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NodeRegistry registry;

    @Activate
    public AccessTokenComponent(SecuritySettings settings, @Reference UserRealm users) {
        this.users = users;
        Clock clock = Clock.systemUTC();
        Path key = signingKeyFile(settings);
        this.codec = new JwtCodec(SigningKey.loadOrCreate(key), settings.issuer(), settings.audience(), clock);
        this.revoked = new RevokedSessions(key.resolveSibling("logged-out-sessions"), clock);
        this.accessTokenLifetime = positive("access.token.ttl.seconds", settings.access_token_ttl_seconds());
        this.refreshTokenLifetime = positive("refresh.token.ttl.seconds", settings.refresh_token_ttl_seconds());
        this.nodeCredentialLifetime = positive("node.credential.ttl.seconds",
                settings.node_credential_ttl_seconds());
    }

    static Path signingKeyFile(SecuritySettings settings) {
        if (!settings.signing_key_file().isBlank()) {
            return Path.of(settings.signing_key_file());
        }
        return Path.of(System.getProperty("karaf.data", "data"), "fog", "token-signing.key");
    }

    static Duration positive(String name, long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    @Override
    public UserSession login(String username, char[] password, String clientAddress) {
        Set<Role> roles = users.rolesOf(username, password, clientAddress);
        if (roles.isEmpty()) {
            // the same answer as a wrong password: anything else confirms that the password was right
            LoggerFactory.getLogger(AccessTokenComponent.class).info(
                    "User '{}' logged in with a correct password but has none of the roles admin, operator, viewer",
                    username);
            throw new AuthenticationException("unknown user or wrong password");
        }
        String version = users.versionOf(username).orElseThrow(
                () -> new AuthenticationException("unknown user or wrong password"));
        Caller caller = Caller.user(username, roles);
        String session = UUID.randomUUID().toString();
        AccessToken refresh = codec.issue(caller, refreshTokenLifetime, JwtCodec.Kind.REFRESH, version, session);
        return new UserSession(codec.issueUntil(caller, earlier(accessTokenLifetime, refresh), JwtCodec.Kind.ACCESS,
                version, session), refresh);
    }

    @Override
    public UserSession refresh(String refreshToken) {
        JwtCodec.Claims claims = codec.verify(refreshToken);
        if (claims.kind() != JwtCodec.Kind.REFRESH) {
            throw new AuthenticationException("not a refresh token");
        }
        checkCurrent(claims);
        // the new refresh token ends when the first did: a session lasts refresh.token.ttl.seconds from its login
        AccessToken refresh = codec.issueUntil(claims.caller(), claims.expiresAt(), JwtCodec.Kind.REFRESH,
                claims.version(), claims.session());
        return new UserSession(codec.issueUntil(claims.caller(), earlier(accessTokenLifetime, refresh),
                JwtCodec.Kind.ACCESS, claims.version(), claims.session()), refresh);
    }

    @Override
    public void logout(String accessToken) {
        JwtCodec.Claims claims = codec.verify(accessToken);
        if (claims.session() == null) {
            throw new AuthenticationException("this token has no session to end");
        }
        revoked.revoke(claims.session(), java.time.Instant.now().plus(refreshTokenLifetime));
    }

    @Override
    public AccessToken issueNodeCredential(Node node) {
        return codec.issue(Caller.node(node.id()), nodeCredentialLifetime, JwtCodec.Kind.ACCESS,
                registration(node), null);
    }

    @Override
    public Caller verify(String token) {
        JwtCodec.Claims claims = codec.verify(token);
        if (claims.kind() != JwtCodec.Kind.ACCESS) {
            throw new AuthenticationException("a refresh token is only good at POST /api/auth/refresh");
        }
        checkCurrent(claims);
        return claims.caller();
    }

    private void checkCurrent(JwtCodec.Claims claims) {
        Caller caller = claims.caller();
        if (caller.isNode()) {
            NodeRegistry nodes = registry;
            if (nodes == null) {
                throw new StoreUnavailableException("node credentials cannot be checked while the coordinator is "
                        + "away", null);
            }
            Node node = nodes.findNode(caller.nodeId()).orElseThrow(() -> new AuthenticationException(
                    "node '" + caller.nodeId() + "' was removed: its credential is revoked"));
            if (!registration(node).equals(claims.version())) {
                throw new AuthenticationException("this credential belongs to an earlier registration of node '"
                        + caller.nodeId() + "'");
            }
            return;
        }
        if (revoked.isRevoked(claims.session())) {
            throw new AuthenticationException("the session was logged out; log in again");
        }
        String current = users.versionOf(caller.name()).orElse(null);
        if (!claims.version().equals(current)) {
            throw new AuthenticationException("the account was removed or its password or groups changed since "
                    + "the token was issued; log in again");
        }
    }

    /** A node registration's identity: its id is reused after a removal, its registration time is not. */
    private static String registration(Node node) {
        return "registered:" + node.registeredAt().toEpochMilli();
    }

    private static java.time.Instant earlier(Duration lifetime, AccessToken refresh) {
        java.time.Instant end = java.time.Instant.now().plus(lifetime);
        return end.isBefore(refresh.expiresAt()) ? end : refresh.expiresAt();
    }
}
