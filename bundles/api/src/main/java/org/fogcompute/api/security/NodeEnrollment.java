package org.fogcompute.api.security;

import org.fogcompute.api.NodeSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Node enrollment: an admin issues a short-lived single-use join token; a device exchanges it for its registration
 * and a node credential bound to its node id.
 */
@ProviderType
public interface NodeEnrollment {
    JoinToken issueJoinToken(String issuedBy);

    /**
     * Registers the node and issues its credential. The join token is used up only when the registration
     * succeeds; a rejected registration leaves it valid. @throws AuthenticationException for an unknown, expired or
     * used join token
     */
    Enrollment enroll(String joinToken, NodeSpec spec);

    /** Join tokens issued and not yet used or expired. */
    int outstandingJoinTokens();
}
