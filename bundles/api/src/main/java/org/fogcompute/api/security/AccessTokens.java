package org.fogcompute.api.security;

import org.osgi.annotation.versioning.ProviderType;

/** Issues and checks the bearer tokens of the REST API. */
@ProviderType
public interface AccessTokens {
    /**
     * Checks a user name and password against the runtime's user realm and issues a token carrying the user's
     * roles. @throws AuthenticationException when the realm refuses them or the user has none of the fog roles
     */
    AccessToken login(String username, char[] password);

    /** A credential that lets a device act as the node {@code nodeId}, and only as that node. */
    AccessToken issueNodeCredential(String nodeId);

    /** @throws AuthenticationException for a token that is malformed, not ours, expired or uses another algorithm */
    Caller verify(String token);
}
