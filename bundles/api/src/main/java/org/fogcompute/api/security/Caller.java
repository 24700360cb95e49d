package org.fogcompute.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * An authenticated caller: a user of the realm with its roles, or a node acting for {@link #nodeId()}.
 * Roles are cumulative: an admin may do what an operator may, an operator what a viewer may.
 */
public record Caller(String name, Set<Role> roles, String nodeId) {
    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller user(String name, Set<Role> roles) {
        return new Caller(name, roles, null);
    }

    public static Caller node(String nodeId) {
        return new Caller("node:" + nodeId, Set.of(Role.NODE), nodeId);
    }

    public boolean isNode() {
        return nodeId != null;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isOperator() {
        return isAdmin() || roles.contains(Role.OPERATOR);
    }

    public boolean isViewer() {
        return isOperator() || roles.contains(Role.VIEWER);
    }

    /** True for the node itself, and for admins who manage every node. */
    public boolean actsFor(String someNodeId) {
        return isAdmin() || (nodeId != null && nodeId.equals(someNodeId));
    }
}
