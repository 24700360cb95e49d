package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * HTTPS as README describes it: {@code bin/fog-https} on a fresh distribution, then the REST API and the web console
 * over TLS with a client that trusts only the certificate it made; then plain HTTP turned off while running.
 */
public class HttpsIT {
    private static final String ADMIN_PASSWORD = "https-admin-" + UUID.randomUUID().toString().substring(0, 8);
    private static RunningDistribution karaf;
    private static int httpsPort;
    private static HttpClient trusting;

    @BeforeClass
    public static void startWithHttps() throws Exception {
        karaf = RunningDistribution.fresh("https", null);
        karaf.environment("FOG_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try (ServerSocket socket = new ServerSocket(0)) {
            httpsPort = socket.getLocalPort();
        }
        String out = fogHttps("--port", Integer.toString(httpsPort));
        assertTrue(out, out.contains("HTTPS on port " + httpsPort));
        karaf.startFresh();
        trusting = clientTrusting(karaf.home().resolve("etc/fog-https.crt"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    public void theApiAndTheConsoleAnswerOverTlsWithTheCertificateTheScriptMade() throws Exception {
        Api api = new Api("https://localhost:" + httpsPort, trusting);
        Api.Reply health = awaitHttps(api);
        assertEquals(health.toString(), 200, health.status());
        String admin = api.login("admin", ADMIN_PASSWORD);
        assertEquals(201, api.post(admin, "/nodes", RestApiIT.node("tls-1", "eu-west", 1, 64)).status());
        assertEquals("tls-1", api.get(admin, "/nodes/tls-1").json().get("id").asText());
        // the console over TLS: its session cookie is marked Secure there
        HttpResponse<String> console = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                + httpsPort + "/system/console/bundles")).header("Authorization", "Basic " + java.util.Base64
                .getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, console.statusCode());
        assertTrue(console.headers().allValues("Set-Cookie").toString(), console.headers().allValues("Set-Cookie")
                .stream().anyMatch(c -> c.startsWith("FOG_CONSOLE_SESSION=") && c.contains("Secure")));
        // a client that does not trust the certificate gets no answer at all
        HttpClient stranger = HttpClient.newHttpClient();
        Exception refused = assertThrows(Exception.class, () -> stranger.send(HttpRequest.newBuilder(URI.create(
                "https://localhost:" + httpsPort + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()));
        assertTrue(refused.toString(), refused instanceof SSLHandshakeException
                || refused.getCause() instanceof SSLHandshakeException);
        // the keystore and the file with its password are the owner's only
        for (String file : List.of("etc/fog-https.p12", "etc/org.ops4j.pax.web.cfg")) {
            assertEquals(file, "rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(karaf.home().resolve(file))));
        }
    }

    @Test
    public void plainHttpTurnedOffWhileRunningLeavesOnlyHttps() throws Exception {
        awaitHttps(new Api("https://localhost:" + httpsPort, trusting));
        Matcher password = Pattern.compile("(?m)^org\\.ops4j\\.pax\\.web\\.ssl\\.keystore\\.password = (\\S+)$")
                .matcher(Files.readString(karaf.home().resolve("etc/org.ops4j.pax.web.cfg")));
        assertTrue(password.find());
        String out = fogHttps("--keystore", "etc/fog-https.p12", "--password", password.group(1), "--port",
                Integer.toString(httpsPort), "--http", "off");
        assertTrue(out, out.contains("plain HTTP is off"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (httpAnswers()) {
            assertTrue("plain HTTP still answers 60 s after it was turned off", System.nanoTime() < deadline);
            Thread.sleep(200);
        }
        assertEquals(200, awaitHttps(new Api("https://localhost:" + httpsPort, trusting)).status());
    }

    /**
     * Waits until the API answers over HTTPS (at most 60 s): the secure connector starts after the plain one, and a
     * change of the web configuration restarts the server, which answers 404 until the API is registered again.
     */
    private static Api.Reply awaitHttps(Api api) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                Api.Reply health = api.get(null, "/health");
                if (health.json() != null || System.nanoTime() > deadline) {
                    return health;
                }
            } catch (AssertionError notListening) {
                // Api reports a refused connection as an AssertionError
                if (System.nanoTime() > deadline) {
                    throw notListening;
                }
            }
            Thread.sleep(200);
        }
    }

    private static boolean httpAnswers() {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", karaf.httpPort())) {
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    private static String fogHttps(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(karaf.home().resolve("bin/fog-https").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(karaf.home().toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue("bin/fog-https did not finish", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(out, 0, process.exitValue());
        assertFalse(out, out.isBlank());
        return out;
    }

    private static HttpClient clientTrusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("fog", cert);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
