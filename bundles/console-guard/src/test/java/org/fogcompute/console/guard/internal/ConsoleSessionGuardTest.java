package org.fogcompute.console.guard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.WebConsoleSecurityProvider2;
import org.junit.jupiter.api.Test;

class ConsoleSessionGuardTest {
    /** Karaf's provider as the guard sees it: accepts a request whose Authorization names a user, as that user. */
    private static final WebConsoleSecurityProvider2 KARAF = new WebConsoleSecurityProvider2() {
        @Override
        public boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
            String user = request.getHeader("Authorization");
            if (user == null) {
                response.setStatus(401);
                return false;
            }
            request.setAttribute("org.osgi.service.http.authentication.remote.user", user);
            return true;
        }

        @Override
        public Object authenticate(String username, String password) {
            return null;
        }

        @Override
        public boolean authorize(Object user, String role) {
            return false;
        }
    };

    private final ConsoleSessionGuard guard = new ConsoleSessionGuard(KARAF, Caffeine.newBuilder().build());

    /** Opens a console session for the user with a GET of a page, and returns its id. */
    private String login(String user) {
        FakeResponse response = new FakeResponse();
        HttpServletRequest page = new FakeRequest().method("GET").header("Authorization", user).build();
        assertThat(guard.authenticate(page, response.build())).isTrue();
        String cookie = response.headers.get("Set-Cookie");
        assertThat(cookie).startsWith(ConsoleSessionGuard.COOKIE + "=").contains("HttpOnly", "SameSite=Strict",
                "Path=/system/console");
        assertThat(page.getAttribute(org.fogcompute.console.guard.ConsoleGuard.SESSION_ATTRIBUTE)).isNotNull();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private static FakeRequest post(String user) {
        return new FakeRequest().header("Authorization", user).header("Host", "fog:8181");
    }

    @Test
    void aPostFromAPageOfTheConsoleWithItsSessionIsLetThrough() {
        String session = login("admin");
        FakeResponse response = new FakeResponse();
        HttpServletRequest request = post("admin").cookie(ConsoleSessionGuard.COOKIE, session)
                .header("Origin", "http://fog:8181").header("Sec-Fetch-Site", "same-origin").build();
        assertThat(guard.authenticate(request, response.build())).isTrue();
        assertThat(request.getAttribute(org.fogcompute.console.guard.ConsoleGuard.SESSION_ATTRIBUTE)).isEqualTo(session);
        assertThat(response.headers).containsEntry("X-Frame-Options", "SAMEORIGIN")
                .containsEntry("Content-Security-Policy", "frame-ancestors 'self'");
    }

    @Test
    void aForgedPostHasTheCredentialsButNotTheSessionAndIsRefused() {
        login("admin");
        FakeResponse response = new FakeResponse();
        // what a browser sends for a form posted from another site: Basic credentials, no SameSite=Strict cookie
        assertThat(guard.authenticate(post("admin").build(), response.build())).isFalse();
        assertThat(response.status).isEqualTo(403);
        assertThat(response.body()).contains("no console session");
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheSession() {
        String session = login("admin");
        for (String origin : new String[] {"http://evil.example", "null", "http://fog:9999", "https://fog:8181"}) {
            FakeResponse response = new FakeResponse();
            assertThat(guard.authenticate(post("admin").cookie(ConsoleSessionGuard.COOKIE, session)
                    .header("Origin", origin).build(), response.build())).as(origin).isFalse();
            assertThat(response.status).isEqualTo(403);
            assertThat(response.body()).contains("another origin");
        }
        FakeResponse referred = new FakeResponse();
        assertThat(guard.authenticate(post("admin").cookie(ConsoleSessionGuard.COOKIE, session)
                .header("Referer", "http://evil.example/page").build(), referred.build())).isFalse();
        FakeResponse fetched = new FakeResponse();
        assertThat(guard.authenticate(post("admin").cookie(ConsoleSessionGuard.COOKIE, session)
                .header("Sec-Fetch-Site", "same-site").build(), fetched.build())).isFalse();
    }

    @Test
    void anotherUsersSessionOrOneEndedByLogoutDoesNotCount() {
        String bobs = login("bob");
        assertThat(guard.authenticate(post("admin").cookie(ConsoleSessionGuard.COOKIE, bobs).build(),
                new FakeResponse().build())).isFalse();
        String admins = login("admin");
        guard.logout(new FakeRequest().cookie(ConsoleSessionGuard.COOKIE, admins).build(), new FakeResponse().build());
        assertThat(guard.authenticate(post("admin").cookie(ConsoleSessionGuard.COOKIE, admins).build(),
                new FakeResponse().build())).isFalse();
        assertThat(login("admin")).isNotEqualTo(admins);
    }

    @Test
    void withoutCredentialsNothingElseIsLookedAt() {
        FakeResponse response = new FakeResponse();
        assertThat(guard.authenticate(new FakeRequest().method("GET").build(), response.build())).isFalse();
        assertThat(response.status).isEqualTo(401);
        assertThat(response.headers).doesNotContainKey("Set-Cookie");
    }
}
