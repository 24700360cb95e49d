package org.fogcompute.rest.internal;

import org.fogcompute.api.security.Caller;

/**
 * Who may call a route. Roles are cumulative (admin ⊇ operator ⊇ viewer); a node may additionally call the routes
 * about itself, named by a path parameter.
 */
record Access(String role, String selfParameter) {
    static final Access PUBLIC = new Access("public", null);
    static final Access VIEWER = new Access("viewer", null);
    static final Access OPERATOR = new Access("operator", null);
    static final Access ADMIN = new Access("admin", null);

    /** The role, or the node named by the path parameter acting for itself. */
    static Access orNodeItself(Access role, String parameter) {
        return new Access(role.role, parameter);
    }

    /** Operators, or the node the task is assigned to (checked by the handler, which knows the task). */
    static final Access OPERATOR_OR_ASSIGNED_NODE = new Access("operator", "task's node");

    /** Every node, for itself, and admins (the peers' own routes: messages, groups). */
    static final Access ANY_NODE = new Access("admin", "any node");

    /** Viewers, and every node (a directory that nodes look each other up in). */
    static final Access VIEWER_OR_ANY_NODE = new Access("viewer", "any node");

    /** The same, with viewers admitted too. */
    Access withViewers() {
        return new Access("viewer", selfParameter);
    }

    boolean isPublic() {
        return this == PUBLIC;
    }

    boolean admitsNodes() {
        return selfParameter != null;
    }

    boolean permits(Caller caller, Call call) {
        boolean byRole = switch (role) {
            case "public" -> true;
            case "viewer" -> caller.isViewer();
            case "operator" -> caller.isOperator();
            default -> caller.isAdmin();
        };
        if (byRole) {
            return true;
        }
        if (!caller.isNode() || selfParameter == null) {
            return false;
        }
        String named = call.pathParameter(selfParameter);
        // for task routes the handler checks the assignment once it has looked the task up
        return named == null || caller.nodeId().equals(named);
    }

    String describe() {
        if (isPublic()) {
            return "none (public)";
        }
        if (this == VIEWER_OR_ANY_NODE || this == ANY_NODE) {
            return role + ", or any node";
        }
        return role + (selfParameter == null ? "" : ", or the node itself (" + selfParameter + ")");
    }
}
