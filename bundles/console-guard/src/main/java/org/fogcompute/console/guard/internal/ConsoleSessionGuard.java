package org.fogcompute.console.guard.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.WebConsoleSecurityProvider;
import org.apache.felix.webconsole.WebConsoleSecurityProvider2;
import org.apache.felix.webconsole.WebConsoleSecurityProvider3;
import org.fogcompute.console.guard.ConsoleGuard;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards every page of the web console, Felix's and Karaf's own included, against cross-site requests. The console
 * logs in with HTTP Basic, which a browser sends on a form posted from any site: a cross-site POST once created
 * configurations and installed bundles with an admin's credentials. Felix asks the highest-ranked security provider
 * about every console request, so this one takes Karaf's place (ranking 100), lets Karaf's provider check the
 * credentials and role as before, and then:
 * <ul>
 * <li>opens a console session for the user: a random id in a cookie that browsers send only with requests from the
 * console's own site ({@code SameSite=Strict}, {@code HttpOnly}, path {@code /system/console});</li>
 * <li>refuses any request other than GET and HEAD that comes from another origin ({@code Origin}, then
 * {@code Referer}; {@code Origin: null} included; {@code Sec-Fetch-Site} other than same-origin) or that carries no
 * session of this user: a forged request has the credentials but not the cookie;</li>
 * <li>forbids framing by other sites ({@code Content-Security-Policy: frame-ancestors 'self'} and, as Felix sets
 * it too, {@code X-Frame-Options: SAMEORIGIN}).</li>
 * </ul>
 * The Fog pages' forms additionally carry a token bound to the session ({@link ConsoleGuard#SESSION_ATTRIBUTE}).
 * Sessions end at logout, after {@link #IDLE} without a request, and with the runtime.
 */
@Component(service = {WebConsoleSecurityProvider.class, WebConsoleSecurityProvider2.class,
    WebConsoleSecurityProvider3.class}, property = {Constants.SERVICE_RANKING + ":Integer=100",
        ConsoleGuard.MARKER + "=true"}, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class ConsoleSessionGuard implements WebConsoleSecurityProvider3 {
    static final String COOKIE = "FOG_CONSOLE_SESSION";
    static final Duration IDLE = Duration.ofHours(8);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
    private static final Logger AUDIT = LoggerFactory.getLogger("fog.audit");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebConsoleSecurityProvider2 karaf;
    private final Cache<String, String> sessions;

    @Activate
    public ConsoleSessionGuard(@Reference(target = "(service.pid=org.apache.karaf.webconsole)")
                               WebConsoleSecurityProvider2 karaf) {
        this(karaf, Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(100_000).build());
    }

    ConsoleSessionGuard(WebConsoleSecurityProvider2 karaf, Cache<String, String> sessions) {
        this.karaf = karaf;
        this.sessions = sessions;
    }

    @Override
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!karaf.authenticate(request, response)) {
            return false;
        }
        String user = user(request);
        String session = sessionOf(request, user);
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String refusal = foreignOrigin(request);
            if (refusal == null && session == null) {
                refusal = "refused: this request carries no console session (it was not sent from a page of this"
                        + " console, or the session ended); reload the page and try again";
            }
            if (refusal != null) {
                AUDIT.warn("console {} {} by {} from {} refused: {}", request.getMethod(), request.getRequestURI(),
                        user, request.getRemoteAddr(), refusal);
                refuse(response, refusal);
                return false;
            }
        }
        if (session == null) {
            session = open(request, response, user);
        }
        request.setAttribute(ConsoleGuard.SESSION_ATTRIBUTE, session);
        return true;
    }

    /** Username and password logins are Karaf's provider's; Felix calls this one only through the request. */
    @Override
    public Object authenticate(String username, String password) {
        return karaf.authenticate(username, password);
    }

    @Override
    public boolean authorize(Object user, String role) {
        return karaf.authorize(user, role);
    }

    /** Ends the session; Felix then clears the browser's Basic credentials. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        String id = cookie(request);
        if (id != null) {
            sessions.invalidate(id);
        }
        Cookie expired = cookieFor(request, "");
        expired.setMaxAge(0);
        response.addCookie(expired);
    }

    /** The user Karaf's provider authenticated, as it names them to the request. */
    private static String user(HttpServletRequest request) {
        String user = request.getRemoteUser();
        if (user == null) {
            Object attribute = request.getAttribute("org.osgi.service.http.authentication.remote.user");
            user = attribute == null ? "" : attribute.toString();
        }
        return user;
    }

    /** The request's session id when its cookie names a live session of this user, else null. */
    private String sessionOf(HttpServletRequest request, String user) {
        String id = cookie(request);
        return id != null && user.equals(sessions.getIfPresent(id)) ? id : null;
    }

    private String open(HttpServletRequest request, HttpServletResponse response, String user) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        sessions.put(id, user);
        Cookie cookie = cookieFor(request, id);
        response.addCookie(cookie);
        // Servlet 4 cookies have no SameSite attribute: set the header as a whole
        response.setHeader("Set-Cookie", COOKIE + "=" + id + "; Path=" + cookie.getPath() + "; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
        return id;
    }

    private static Cookie cookieFor(HttpServletRequest request, String value) {
        Cookie cookie = new Cookie(COOKIE, value);
        String path = request.getContextPath() + request.getServletPath();
        cookie.setPath(path.isEmpty() ? "/" : path);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        return cookie;
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Why a changing request is not from the console's own origin, or null when nothing says it is foreign. */
    static String foreignOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "refused: the request came from another site (Sec-Fetch-Site: " + fetchSite + ")";
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return sameOrigin(origin, request) ? null
                    : "refused: the request came from another origin (" + origin + ")";
        }
        String referer = request.getHeader("Referer");
        if (referer != null && !sameOrigin(referer, request)) {
            return "refused: the request came from another page (" + referer + ")";
        }
        return null;
    }

    /** Whether an Origin or Referer names this request's scheme, host and port. */
    static boolean sameOrigin(String address, HttpServletRequest request) {
        try {
            URI uri = URI.create(address);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String host = request.getHeader("Host");
            if (host == null) {
                return false;
            }
            URI own = URI.create(request.getScheme() + "://" + host);
            int ownPort = own.getPort() >= 0 ? own.getPort() : request.isSecure() ? 443 : 80;
            return uri.getScheme().equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(
                    own.getHost()) && port == ownPort;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException gone) {
            // the client went away; nothing was done
        }
    }
}
