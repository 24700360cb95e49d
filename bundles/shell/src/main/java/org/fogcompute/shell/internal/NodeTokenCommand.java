package org.fogcompute.shell.internal;

import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.fogcompute.api.security.JoinToken;
import org.fogcompute.api.security.NodeEnrollment;

@Service
@Command(scope = "fog", name = "node-token", description = "Issues a single-use join token with which one device "
        + "enrolls as a node (POST /api/enroll)")
public class NodeTokenCommand extends FogAction {
    @Reference(optional = true)
    NodeEnrollment enrollment;

    @Reference
    Session session;

    @Override
    protected Object run() {
        Object user = session.get("USER");
        JoinToken token = enrollment.issueJoinToken(user == null ? "shell" : user.toString());
        long minutes = Duration.between(Instant.now(), token.expiresAt()).toMinutes();
        System.out.println(token.token());
        System.out.println("Valid once, until " + token.expiresAt() + " (" + minutes + " min).");
        return null;
    }
}
