package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fogcompute.itests.Api.Reply;
import org.junit.Test;

/**
 * Memory pressure acting on the real runtime: thresholds set below what the running distribution uses, a full
 * collection asked of its JVM (jcmd GC.run) so that the old generation's usage after collections is read, and the
 * level it reaches sheds new registrations and submissions with 503 while heartbeats and reads go on; thresholds set
 * back above, the level eases and writes are taken again.
 */
public class MemoryPressureIT {

    @Test
    public void criticalPressureRefusesNewWorkButNotHeartbeatsAndEasesByItself() throws Exception {
        try (RunningDistribution karaf = RunningDistribution.fresh("pressure", null)) {
            karaf.environment("FOG_ADMIN_PASSWORD", "pressure-admin");
            karaf.startFresh();
            Api api = new Api(karaf.httpPort());
            String admin = api.login("admin", "pressure-admin");
            assertEquals(201, api.post(admin, "/nodes", RestApiIT.node("pressure-before", "p", 2, 1024)).status());

            // a few kilobytes of old generation are more than 0.3 %: CRITICAL as soon as a collection is read
            karaf.configure("org.fogcompute.resources", "memory.medium.percent = 0.1\nmemory.high.percent = 0.2\n"
                    + "memory.critical.percent = 0.3\nmemory.hysteresis.percent = 0\ncheck.seconds = 1\n");
            JsonNode memory = awaitLevel(api, admin, karaf, "CRITICAL");
            assertEquals(memory.toString(), "CRITICAL", memory.get("level").asText());

            Reply refused = api.post(admin, "/nodes", RestApiIT.node("pressure-during", "p", 2, 1024));
            assertEquals(refused.toString(), 503, refused.status());
            assertTrue(refused.raw().headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.error(), refused.error().contains("memory pressure is CRITICAL"));
            assertEquals(503, api.post(admin, "/tasks", "{\"id\":\"pressure-task\"}").status());
            assertEquals("heartbeats go on", 200, api.post(admin, "/nodes/pressure-before/heartbeat",
                    "{\"cpuPercent\":5,\"memoryPercent\":5}").status());
            assertEquals("reads go on", 200, api.get(admin, "/nodes/pressure-before").status());
            assertEquals("nothing half-registered", 404, api.get(admin, "/nodes/pressure-during").status());
            String scraped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + karaf.httpPort() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body(); // the host scrapes without a token
            assertTrue(scraped, scraped.contains("fog_memory_pressure{level=\"CRITICAL\"} 1.0"));

            karaf.configure("org.fogcompute.resources", "memory.medium.percent = 97\nmemory.high.percent = 98\n"
                    + "memory.critical.percent = 99\ncheck.seconds = 1\n");
            assertEquals("LOW", awaitLevel(api, admin, karaf, "LOW").get("level").asText());
            assertEquals(201, api.post(admin, "/nodes", RestApiIT.node("pressure-after", "p", 2, 1024)).status());
            String log = Files.readString(karaf.home().resolve("data/log/karaf.log"));
            assertTrue("the transitions are logged", log.contains("-> CRITICAL") && log.contains("CRITICAL -> LOW"));
        }
    }

    /** Asks the runtime's JVM for a full collection, then polls the level (every 250 ms, up to 60 s). */
    private static JsonNode awaitLevel(Api api, String admin, RunningDistribution karaf, String level)
            throws Exception {
        long pid = Long.parseLong(Files.readString(karaf.home().resolve("karaf.pid")).trim());
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode memory = null;
        while (System.nanoTime() < deadline) {
            new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            Reply reply = api.get(admin, "/resources/memory");
            memory = reply.json();
            if (reply.status() == 200 && level.equals(memory.path("level").asText())) {
                return memory;
            }
            Thread.sleep(250);
        }
        return memory;
    }
}
