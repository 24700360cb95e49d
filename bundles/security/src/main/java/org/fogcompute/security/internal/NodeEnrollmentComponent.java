package org.fogcompute.security.internal;

import java.time.Clock;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.security.AccessTokens;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.Enrollment;
import org.fogcompute.api.security.JoinToken;
import org.fogcompute.api.security.NodeEnrollment;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Join tokens and their exchange for a registration plus a node credential. */
@Component(property = {"fog.service.name=enrollment", "fog.service.critical=false"},
        configurationPid = SecuritySettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class NodeEnrollmentComponent implements NodeEnrollment {
    private static final Logger LOG = LoggerFactory.getLogger(NodeEnrollmentComponent.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("fog.audit");

    private final NodeRegistry registry;
    private final AccessTokens tokens;
    private final JoinTokenBook book;

    @Activate
    public NodeEnrollmentComponent(@Reference NodeRegistry registry, @Reference AccessTokens tokens,
                                   SecuritySettings settings) {
        this.registry = registry;
        this.tokens = tokens;
        this.book = new JoinTokenBook(Clock.systemUTC(),
                AccessTokenComponent.positive("join.token.ttl.seconds", settings.join_token_ttl_seconds()),
                settings.join_token_max_outstanding(), settings.join_token_max_failed_attempts());
        if (settings.join_token_max_failed_attempts() <= 0) {
            throw new IllegalArgumentException("join.token.max.failed.attempts must be positive, got "
                    + settings.join_token_max_failed_attempts());
        }
    }

    @Override
    public JoinToken issueJoinToken(String issuedBy) {
        JoinToken token = book.issue(issuedBy);
        LOG.info("Join token issued by {}, valid until {}", issuedBy, token.expiresAt());
        return token;
    }

    @Override
    public Enrollment enroll(String joinToken, NodeSpec spec) {
        JoinTokenBook.Taken taken = book.take(joinToken);
        Node node;
        try {
            node = registry.register(spec);
        } catch (RuntimeException rejected) {
            if (!book.putBack(taken)) {
                AUDIT.warn("join token issued by {} voided after its last allowed failed enrollment ({})",
                        taken.entry().issuedBy(), rejected.getMessage());
                throw new AuthenticationException("the join token is void now: too many failed enrollments with it ("
                        + rejected.getMessage() + "); ask an admin for a new one");
            }
            throw rejected;
        }
        LOG.info("Node {} enrolled with a join token issued by {}", node.id(), taken.entry().issuedBy());
        return new Enrollment(node, tokens.issueNodeCredential(node));
    }

    @Override
    public int outstandingJoinTokens() {
        return book.outstanding();
    }
}
