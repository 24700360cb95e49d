package org.fogcompute.webconsole.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.HttpServletRequest;
import org.osgi.service.component.annotations.Component;

/**
 * Protects the console's actions against cross-site requests. The console authenticates with HTTP basic auth, which
 * a browser also sends on a form posted from another site; so every form carries a token that only a page of this
 * console can know: an HMAC of the user name under a key made at start (tokens end with the runtime, a reloaded page
 * gets a new one). A request that says it comes from another origin is refused as well.
 */
@Component(service = CsrfGuard.class)
public final class CsrfGuard {
    static final String FIELD = "csrf";
    private final SecretKeySpec key;

    public CsrfGuard() {
        this(randomKey());
    }

    CsrfGuard(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String tokenFor(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Why the request must be refused, or null when it carries this user's token and no foreign origin. */
    String refusal(HttpServletRequest request, String user) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, request)) {
            return "refused: the request came from another site (" + origin + ")";
        }
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return "refused: the request came from another site";
        }
        String token = request.getParameter(FIELD);
        if (token == null || token.isEmpty()) {
            return "refused: the form carries no CSRF token; reload the page and try again";
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                tokenFor(user).getBytes(StandardCharsets.UTF_8))) {
            return "refused: the CSRF token is not valid (the page is older than the runtime's last start?); "
                    + "reload the page and try again";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getAuthority()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
