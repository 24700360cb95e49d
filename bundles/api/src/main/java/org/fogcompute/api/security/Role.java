package org.fogcompute.api.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. Admins manage nodes, strategies and services; operators submit and manage tasks; viewers
 * read; a node acts for its own node id only.
 */
public enum Role {
    ADMIN, OPERATOR, VIEWER, NODE;

    /** The name used in the JAAS realm and in tokens: lower case. */
    public String realmName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromRealmName(String name) {
        for (Role role : values()) {
            if (role.realmName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
