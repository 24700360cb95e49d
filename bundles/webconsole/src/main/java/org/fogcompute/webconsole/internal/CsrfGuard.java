package org.fogcompute.webconsole.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.HttpServletRequest;
import org.apache.felix.webconsole.WebConsoleSecurityProvider;
import org.fogcompute.console.guard.ConsoleGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Fog pages' form tokens. Every console request passes the console guard first (the console-guard bundle; the
 * pages wait for it), which refuses changing requests from other origins and without the user's console session; the
 * forms of the Fog pages carry, besides, a token bound to that session: an HMAC of the user name and the session id
 * under a key made at start. A token ends
 * with its session (logout, idle expiry, restart), so one that leaked in a page is worthless after it. It is taken
 * from the form body only, never from the query string, which ends up in logs and Referer headers.
 */
@Component(service = CsrfGuard.class)
public final class CsrfGuard {
    static final String FIELD = "csrf";
    private final SecretKeySpec key;

    /** Only once the console guard is there: without it nothing would check where a form comes from. */
    @Activate
    public CsrfGuard(@Reference(target = "(" + ConsoleGuard.MARKER + "=true)") WebConsoleSecurityProvider guard) {
        this(randomKey());
    }

    CsrfGuard() {
        this(randomKey());
    }

    CsrfGuard(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The token for the forms of a page rendered for this request's user and console session. */
    String tokenFor(HttpServletRequest request) {
        return tokenFor(ConsolePage.user(request), session(request));
    }

    String tokenFor(String user, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal((user + "\n" + session).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Why the form must be refused, or null when its body carries the token of this user's console session. */
    String refusal(HttpServletRequest request, String user) {
        String query = request.getQueryString();
        if (query != null && java.util.Arrays.stream(query.split("&")).anyMatch(p -> p.equals(FIELD)
                || p.startsWith(FIELD + "="))) {
            return "refused: the CSRF token is taken from the form body only, not from the address";
        }
        String token = request.getParameter(FIELD);
        if (token == null || token.isEmpty()) {
            return "refused: the form carries no CSRF token; reload the page and try again";
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                tokenFor(user, session(request)).getBytes(StandardCharsets.UTF_8))) {
            return "refused: the CSRF token is not valid (the page is from an earlier console session?); "
                    + "reload the page and try again";
        }
        return null;
    }

    private static String session(HttpServletRequest request) {
        Object session = request.getAttribute(ConsoleGuard.SESSION_ATTRIBUTE);
        return session == null ? "" : session.toString();
    }

    private static byte[] randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
