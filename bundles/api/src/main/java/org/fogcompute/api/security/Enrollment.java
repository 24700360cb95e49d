package org.fogcompute.api.security;

import org.fogcompute.api.Node;

/** A node enrolled with a join token: the registered node and the credential it uses from now on. */
public record Enrollment(Node node, AccessToken credential) {
}
