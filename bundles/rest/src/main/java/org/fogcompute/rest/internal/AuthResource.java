package org.fogcompute.rest.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.security.UserSession;
import org.fogcompute.api.security.AccessTokens;
import org.fogcompute.api.security.LoginLockedException;
import org.fogcompute.api.security.Enrollment;
import org.fogcompute.api.security.JoinToken;
import org.fogcompute.api.security.NodeEnrollment;
import org.fogcompute.rest.internal.Bodies.Credentials;
import org.fogcompute.rest.internal.Bodies.EnrollmentRequest;
import org.fogcompute.rest.internal.Bodies.RefreshRequest;
import org.fogcompute.rest.internal.Views.EnrollmentView;
import org.fogcompute.rest.internal.Views.JoinTokenView;
import org.fogcompute.rest.internal.Views.NodeView;
import org.fogcompute.rest.internal.Views.TokenView;

/** /api/auth/token for users; /api/join-tokens and /api/enroll for nodes. */
final class AuthResource {
    private final Supplier<AccessTokens> tokens;
    private final Supplier<NodeEnrollment> enrollment;

    AuthResource(Supplier<AccessTokens> tokens, Supplier<NodeEnrollment> enrollment) {
        this.tokens = tokens;
        this.enrollment = enrollment;
    }

    void register(Router router) {
        router.post("/auth/token", Access.PUBLIC, "Exchange a user name and password for a bearer token",
                this::token).tag("auth").body(Credentials.class).returns(TokenView.class).errors(401, 429);
        router.post("/auth/refresh", Access.PUBLIC, "Exchange a refresh token for new access and refresh tokens of "
                + "the same session", this::refresh).tag("auth").body(RefreshRequest.class).returns(TokenView.class)
                .errors(401);
        router.post("/auth/logout", Access.VIEWER, "End the session of the bearer token: its access and refresh "
                + "tokens are refused from now on", this::logout).tag("auth").status(204).errors(401);
        router.post("/join-tokens", Access.ADMIN, "Issue a single-use join token for one node to enroll",
                this::joinToken).tag("auth").status(201).returns(JoinTokenView.class);
        router.post("/enroll", Access.PUBLIC, "Enroll a node with a join token: registers it and returns its "
                + "node credential", this::enroll).tag("auth").status(201).body(EnrollmentRequest.class)
                .returns(EnrollmentView.class).errors(401, 409);
    }

    private Object token(Call call) {
        Credentials credentials = call.body(Credentials.class);
        if (credentials.username() == null || credentials.password() == null) {
            throw ApiException.unprocessable(credentials.username() == null ? "username" : "password",
                    "username and password are required");
        }
        String user = credentials.username();
        AccessTokens service = Services.require(tokens, "the token service");
        char[] password = credentials.password().toCharArray();
        try {
            // the realm counts failures and locks out repeated ones, on every surface alike, and audits them
            UserSession session = service.login(user, password, call.from());
            ApiServlet.AUDIT.info("{} fog login of '{}' from {}", java.time.Instant.now(), user, call.from());
            return view(session);
        } catch (LoginLockedException locked) {
            throw new ApiException(429, null, locked.getMessage(), Map.of("Retry-After",
                    Long.toString(locked.retryAfterSeconds())));
        } finally {
            Arrays.fill(password, ' ');
        }
    }

    private Object refresh(Call call) {
        RefreshRequest request = call.body(RefreshRequest.class);
        if (request.refresh_token() == null) {
            throw ApiException.unprocessable("refresh_token", "refresh_token is required");
        }
        return view(Services.require(tokens, "the token service").refresh(request.refresh_token()));
    }

    private Object logout(Call call) {
        Services.require(tokens, "the token service").logout(call.bearerToken());
        ApiServlet.AUDIT.info("{} fog logout of '{}' from {}", java.time.Instant.now(), call.caller().name(),
                call.from());
        return new Route.Reply(204, null);
    }

    private static TokenView view(UserSession session) {
        return new TokenView(session.access().token(), "Bearer", session.access().expiresInSeconds(),
                session.refresh().token(), session.refresh().expiresInSeconds());
    }


    private Object joinToken(Call call) {
        JoinToken token = Services.require(enrollment, "node enrollment").issueJoinToken(call.caller().name());
        long seconds = Math.max(0, java.time.Duration.between(java.time.Instant.now(), token.expiresAt())
                .toSeconds());
        return new JoinTokenView(token.token(), token.expiresAt(), seconds);
    }

    private Object enroll(Call call) {
        EnrollmentRequest request = call.body(EnrollmentRequest.class);
        if (request.joinToken() == null) {
            throw ApiException.unauthorized("joinToken is required");
        }
        if (request.node() == null) {
            throw ApiException.unprocessable("node", "node is required: the registration of the enrolling node");
        }
        Enrollment enrolled;
        try {
            enrolled = Services.require(enrollment, "node enrollment").enroll(request.joinToken(),
                    NodeResource.spec(request.node(), "node"));
        } catch (ValidationException e) {
            throw ApiException.unprocessable("node." + e.field(), e.getMessage());
        }
        return new EnrollmentView(NodeView.of(enrolled.node()), enrolled.credential().token(), "Bearer",
                enrolled.credential().expiresInSeconds());
    }
}
