package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Observability of the running distribution: {@code /metrics} as a scraper sees it (the scrape token, required
 * everywhere here; the fog services' series with bounded labels; an exposition promtool accepts; a real Prometheus
 * server that scrapes it and sees the series move) and Flight Recorder profiles end to end.
 */
public class MetricsIT {
    private static final String PASSWORD = "metrics-admin-pass";
    private static RunningDistribution karaf;
    private static Api api;
    private static String admin;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeClass
    public static void start() throws Exception {
        karaf = RunningDistribution.fresh("metrics", null);
        karaf.environment("FOG_ADMIN_PASSWORD", PASSWORD);
        // the token everywhere, also from this host, so that the test can see it refused
        karaf.configure("org.fogcompute.metrics", "scrape.token =\nallow.without.token =\n");
        karaf.appendUsers("watcher = watcher-pass,_g_:viewergroup\nworker = worker-pass,_g_:operatorgroup\n");
        karaf.startFresh();
        api = new Api(karaf.httpPort());
        admin = api.login("admin", PASSWORD);
        token = Files.readString(karaf.home().resolve("data/fog/metrics-scrape.token")).trim();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    private static HttpResponse<String> scrape(String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.httpPort()
                + "/metrics"));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    @Test
    public void scrapersNeedTheTokenAndSeeTheFogServicesWithBoundedLabels() throws Exception {
        assertEquals(401, scrape(null).statusCode());
        assertEquals(401, scrape(token + "x").statusCode());
        assertTrue(Files.getPosixFilePermissions(karaf.home().resolve("data/fog/metrics-scrape.token")).toString()
                .matches("\\[OWNER_(READ|WRITE), OWNER_(READ|WRITE)]"));

        api.fund(admin, "admin", 1000);
        String before = scrape(token).body();
        assertEquals(201, api.post(admin, "/nodes", RestApiIT.node("metrics-node-7f3a", "metrics", 4, 4096))
                .status());
        assertEquals(201, api.post(admin, "/tasks", "{\"id\":\"metrics-task-91c2\"}").status());
        assertEquals(200, api.post(admin, "/tasks/metrics-task-91c2/complete", null).status());
        HttpResponse<String> scraped = scrape(token);
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String after = scraped.body();

        for (String family : List.of("fog_nodes{status=\"ACTIVE\"}", "fog_routing_decision_seconds_bucket",
                "fog_http_requests_total{method=\"POST\",route=\"/tasks\",status=\"2xx\"}", "fog_queue_tasks",
                "fog_db_commits_total", "fog_circuit_breakers", "fog_cache_reads_total", "jvm_memory_used_bytes",
                "jvm_gc_collections_total", "jvm_threads_current", "fog_metrics_sources", "fog_db_commit_seconds_bucket",
                "fog_db_commit_changes_bucket", "fog_onion_relays", "fog_onion_circuits{level=\"SECRET\"}",
                "fog_p2p_peers{state=\"online\"}", "fog_betanet_consensus_epoch", "fog_bitchat_messages_waiting",
                "fog_vpn_hidden_services", "fog_vpn_task_paths{level=\"PRIVATE\"}", "fog_deployments",
                "fog_deployment_replicas{state=\"RUNNING\"}", "fog_deployment_resolutions_total{outcome=\"resolved\"}")) {
            assertTrue(family + " missing from\n" + after, after.contains(family));
        }
        assertTrue("a completion counted", value(after, "fog_tasks_finished_total{outcome=\"COMPLETED\"}")
                > (Double.isNaN(value(before, "fog_tasks_finished_total{outcome=\"COMPLETED\"}")) ? 0
                : value(before, "fog_tasks_finished_total{outcome=\"COMPLETED\"}")));
        assertFalse("no node id as a label", after.contains("metrics-node-7f3a"));
        assertFalse("no task id as a label", after.contains("metrics-task-91c2"));
        assertEquals("nothing left out", 0.0, value(after, "fog_metrics_series_dropped"), 0);
    }

    @Test
    public void promtoolFindsNoProblemInTheExposition() throws Exception {
        Assume.assumeTrue("promtool is not installed (Debian package prometheus): skipped", onPath("promtool"));
        Process check = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(scrape(token).body().getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String problems = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("promtool did not finish", check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(problems, 0, check.exitValue());
        assertEquals("promtool's remarks", "", problems.trim());
    }

    /** A real Prometheus server scrapes the runtime with the token file; its query API shows the fleet grow. */
    @Test
    public void aRealPrometheusScrapesTheRuntimeAndSeesTheSeriesMove() throws Exception {
        Assume.assumeTrue("prometheus is not installed (Debian package prometheus): skipped", onPath("prometheus"));
        Path work = Files.createTempDirectory(karaf.home(), "prometheus");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(work.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                + "scrape_configs:\n  - job_name: fog\n    authorization:\n      credentials_file: "
                + karaf.home().resolve("data/fog/metrics-scrape.token") + "\n    static_configs:\n"
                + "      - targets: ['127.0.0.1:" + karaf.httpPort() + "']\n");
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        try {
            double first = awaitQuery(port, "sum(fog_nodes)", v -> !Double.isNaN(v));
            assertTrue("the target is up", awaitQuery(port, "up{job=\"fog\"}", v -> v == 1.0) == 1.0);
            for (int i = 0; i < 3; i++) {
                assertEquals(201, api.post(admin, "/nodes", RestApiIT.node("prom-node-" + i, "prom", 1, 512))
                        .status());
            }
            double grown = awaitQuery(port, "sum(fog_nodes)", v -> v >= first + 3);
            assertTrue("Prometheus saw the fleet grow: " + first + " -> " + grown, grown >= first + 3);
            assertTrue("HTTP requests counted by route", awaitQuery(port,
                    "sum(fog_http_requests_total{route=\"/nodes\",method=\"POST\"})", v -> v >= 3) >= 3);
            // every query of the shipped Grafana dashboard is one Prometheus accepts
            JsonNode dashboard = new ObjectMapper().readTree(Path.of("..", "examples", "grafana",
                    "fog-compute-fleet.json").toFile());
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    String expr = target.get("expr").asText().replace("$job", "fog");
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + port + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(panel.get("title").asText() + ": " + expr + " -> " + answer.body(), 200,
                            answer.statusCode());
                }
            }
        } finally {
            prometheus.destroy();
            prometheus.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** An admin records the runtime, reads the summary when it is done and downloads the .jfr; no one else may. */
    @Test
    public void aProfileIsRecordedSummarisedAndDownloadedByAnAdminOnly() throws Exception {
        assertEquals("profiles are for admins", 403, api.post(api.login("worker", "worker-pass"), "/profiles",
                "{\"durationSeconds\":2}").status());
        assertEquals(403, api.get(api.login("watcher", "watcher-pass"), "/profiles").status());
        assertEquals(422, api.post(admin, "/profiles", "{\"durationSeconds\":0}").status());
        assertEquals(422, api.post(admin, "/profiles", "{\"durationSeconds\":2,\"settings\":\"max\"}").status());
        Api.Reply started = api.post(admin, "/profiles", "{\"durationSeconds\":2,\"settings\":\"profile\"}");
        assertEquals(started.toString(), 202, started.status());
        String id = started.json().get("id").asText();
        assertEquals("one at a time", 409, api.post(admin, "/profiles", "{\"durationSeconds\":2}").status());
        for (int i = 0; i < 50; i++) {
            api.post(admin, "/nodes", RestApiIT.node("profiled-" + i, "prof", 1, 512)); // something to record
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode profile = started.json();
        while (!"DONE".equals(profile.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            profile = api.get(admin, "/profiles/" + id).json();
        }
        assertEquals(profile.toString(), "DONE", profile.get("state").asText());
        assertTrue(profile.toString(), profile.get("summary").get("events").asLong() > 0
                && profile.get("summary").get("hotMethods").size() > 0);
        HttpResponse<byte[]> jfr = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + karaf.httpPort() + "/api/profiles/" + id + "/recording")).header("Authorization", "Bearer " + admin)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, jfr.statusCode());
        assertEquals("a JFR file", "FLR", new String(jfr.body(), 0, 3, StandardCharsets.US_ASCII));
        assertEquals("owner-only", "[OWNER_READ, OWNER_WRITE]", new java.util.TreeSet<>(Files.getPosixFilePermissions(
                karaf.home().resolve("data/profiles/" + id + ".jfr"))).toString());
        assertEquals(404, api.get(admin, "/profiles/profile-19990101T000000Z/recording").status());
    }

    @Test
    public void everyPoolIsInOneViewAndTheFogServicesRunInLanesOfTheSharedScheduler() throws Exception {
        String watcher = api.login("watcher", "watcher-pass");
        Api.Reply reply = api.get(watcher, "/pools");
        assertEquals("viewers read the pools: " + reply, 200, reply.status());
        java.util.Map<String, JsonNode> pools = new java.util.HashMap<>();
        reply.json().forEach(pool -> pools.put(pool.get("name").asText(), pool));
        JsonNode threads = pools.get("scheduler");
        assertTrue(pools.keySet().toString(), threads != null && threads.get("max").asLong() == 16
                && threads.get("created").asLong() >= 1 && threads.get("reuseRate").asDouble() > 0.5);
        for (String lane : new String[] {"coordinator-monitor", "onion", "betanet", "bitchat", "p2p", "harvest",
                "vpn", "resource-monitor", "memory-pressure", "profiler", "cache", "billing-reconciler"}) {
            JsonNode pool = pools.get("scheduler/" + lane);
            assertTrue(lane + " runs in a lane: " + pools.keySet(), pool != null && "lane".equals(
                    pool.get("kind").asText()));
        }
        JsonNode database = pools.get("database/fog");
        assertTrue("HikariCP's pool, read from its MXBean: " + pools.keySet(), database != null
                && database.get("max").asLong() == 10 && database.get("size").asLong() >= 1
                && (database.path("created").isMissingNode() || database.path("created").isNull()));
        assertEquals(400, api.get(watcher, "/pools?verbose=true").status());

        // no fog service keeps a thread of its own: only the shared scheduler's, the health monitor's (it restarts the
        // scheduler too) and the users file's watcher (blocked in WatchService.take() for the realm's life)
        long pid = Long.parseLong(Files.readString(karaf.home().resolve("karaf.pid")).trim());
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dump.waitFor(30, TimeUnit.SECONDS));
        java.util.List<String> own = text.lines().filter(l -> l.startsWith("\"fog-"))
                .map(l -> l.substring(1, l.indexOf('"', 1)))
                .filter(name -> !name.matches("fog-scheduler-(\\d+|timer)|fog-health-monitor|fog-users-file-hasher"))
                .toList();
        assertTrue("threads of their own: " + own, own.isEmpty());

        String exposition = scrape(token).body();
        assertTrue(exposition, value(exposition, "fog_pool_max{kind=\"connections\",pool=\"database/fog\"}") == 10);
        assertTrue(exposition, value(exposition, "fog_pool_uses_total{kind=\"threads\",pool=\"scheduler\"}") > 0);
    }

    /** Polls Prometheus' query API (every 500 ms, up to 60 s) until the query's value satisfies the condition. */
    private static double awaitQuery(int port, String query, java.util.function.DoublePredicate until)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        double value = Double.NaN;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode result = new ObjectMapper().readTree(answer.body()).path("data").path("result");
                if (result.size() > 0) {
                    value = Double.parseDouble(result.get(0).get("value").get(1).asText());
                    if (until.test(value)) {
                        return value;
                    }
                }
            } catch (java.io.IOException notUpYet) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        return value;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
