package org.fogcompute.security.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.fogcompute.api.security.AccessToken;
import org.fogcompute.api.security.AccessTokens;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.Caller;
import org.fogcompute.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

/** Bearer tokens for users of the JAAS realm and for enrolled nodes. */
@Component(property = {"fog.service.name=security", "fog.service.critical=true"},
        configurationPid = SecuritySettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecuritySettings.class)
public final class AccessTokenComponent implements AccessTokens {
    private final UserRealm users;
    private final JwtCodec codec;
    private final Duration accessTokenLifetime;
    private final Duration nodeCredentialLifetime;

    @Activate
    public AccessTokenComponent(SecuritySettings settings, @Reference UserRealm users) {
        this.users = users;
        this.codec = new JwtCodec(SigningKey.loadOrCreate(signingKeyFile(settings)), settings.issuer(),
                settings.audience(), Clock.systemUTC());
        this.accessTokenLifetime = positive("access.token.ttl.seconds", settings.access_token_ttl_seconds());
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
    public AccessToken login(String username, char[] password) {
        Set<Role> roles = users.rolesOf(username, password);
        if (roles.isEmpty()) {
            // the same answer as a wrong password: anything else confirms that the password was right
            LoggerFactory.getLogger(AccessTokenComponent.class).info(
                    "User '{}' logged in with a correct password but has none of the roles admin, operator, viewer",
                    username);
            throw new AuthenticationException("unknown user or wrong password");
        }
        return codec.issue(Caller.user(username, roles), accessTokenLifetime);
    }

    @Override
    public AccessToken issueNodeCredential(String nodeId) {
        return codec.issue(Caller.node(nodeId), nodeCredentialLifetime);
    }

    @Override
    public Caller verify(String token) {
        return codec.verify(token);
    }
}
