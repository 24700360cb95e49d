package org.fogcompute.api.security;

import org.fogcompute.api.Node;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues, checks and revokes the bearer tokens of the REST API. A token stops being accepted when it expires, when
 * its session is logged out, when its user is deleted or its password or groups change, and, for a node credential,
 * when the node it was issued to is deleted (a node registered later under the same id does not inherit it).
 */
@ProviderType
public interface AccessTokens {
    /**
     * Checks a user name and password against the runtime's user realm and opens a session: a short access token
     * carrying the user's roles and a refresh token for new access tokens. @throws AuthenticationException when the
     * realm refuses them or the user has none of the fog roles (one message for every refusal)
     */
    default UserSession login(String username, char[] password) {
        return login(username, password, null);
    }

    /**
     * As {@link #login(String, char[])}, from a client's address, which the realm's lockout counts failures by.
     * @throws LoginLockedException while this user or address is locked after repeated failures
     */
    UserSession login(String username, char[] password, String clientAddress);

    /**
     * New access and refresh tokens for the refresh token's session; the session does not outlive its first refresh
     * token. @throws AuthenticationException when the refresh token is not valid, expired, or revoked
     */
    UserSession refresh(String refreshToken);

    /** Ends the session of this access token: its access and refresh tokens are refused from now on. */
    void logout(String accessToken);

    /** A credential that lets a device act as this registration of the node, and only as it. */
    AccessToken issueNodeCredential(Node node);

    /**
     * @throws AuthenticationException for a token that is malformed, not ours, expired, revoked or uses another
     *         algorithm
     */
    Caller verify(String token);
}
