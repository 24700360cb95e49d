package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

/**
 * kill -9 in the middle of REST writes, again and again, while another thread keeps a core busy: every restart must
 * come up by itself (the fast-failing timeouts meant for running must not decide a start on a loaded machine) and
 * every registration answered 201 must be there afterwards. On the embedded database and on PostgreSQL.
 */
public class KillUnderLoadIT {
    private static final int KILLS = 3;
    private static final int WRITERS = 4;
    private final AtomicBoolean busy = new AtomicBoolean(true);
    private Thread cpuHog;

    @Before
    public void loadTheMachine() {
        cpuHog = new Thread(() -> {
            while (busy.get()) {
                Thread.onSpinWait(); // keeps the core busy: a volatile read and a pause per turn
            }
        }, "cpu-hog");
        cpuHog.setDaemon(true);
        cpuHog.start();
    }

    @After
    public void stopLoading() throws InterruptedException {
        busy.set(false);
        cpuHog.join(10_000);
    }

    @Test
    public void embeddedDatabaseComesBackAfterEveryKillWithEveryAcknowledgedWrite() throws Exception {
        killRepeatedly(null);
    }

    @Test
    public void postgresqlComesBackAfterEveryKillWithEveryAcknowledgedWrite() throws Exception {
        String url = System.getenv("FOG_TEST_JDBC_URL");
        Assume.assumeTrue("FOG_TEST_JDBC_URL is not set to a PostgreSQL database: skipped",
                url != null && url.startsWith("jdbc:postgresql:"));
        killRepeatedly(url);
    }

    private void killRepeatedly(String jdbcUrl) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path home = Paths.get("target", "kill-" + run).toAbsolutePath();
        String password = "kill-admin-" + run;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (RunningDistribution karaf = new RunningDistribution(Paths.get(System.getProperty("fog.assembly.dir")),
                home, "kill-" + run, jdbcUrl)) {
            karaf.environment("FOG_ADMIN_PASSWORD", password);
            karaf.startFresh();
            for (int kill = 1; kill <= KILLS; kill++) {
                Api api = new Api(karaf.httpPort());
                String admin = api.login("admin", password);
                CountDownLatch enough = new CountDownLatch(50);
                AtomicBoolean writing = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                for (int w = 0; w < WRITERS; w++) {
                    String prefix = run + "-k" + kill + "-w" + w + "-";
                    writers.submit(() -> {
                        for (int i = 0; writing.get(); i++) {
                            try {
                                if (api.post(admin, "/nodes", RestApiIT.node(prefix + i, "eu-west", 1, 512))
                                        .status() == 201) {
                                    acknowledged.add(prefix + i);
                                    enough.countDown();
                                }
                            } catch (RuntimeException | AssertionError connectionLost) {
                                return;
                            }
                        }
                    });
                }
                assertTrue("50 registrations not acknowledged within 120 s", enough.await(120, TimeUnit.SECONDS));
                karaf.kill();
                writing.set(false);
                writers.shutdown();
                assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
                karaf.start(); // fails the test if the runtime does not come back by itself
            }
            Api api = new Api(karaf.httpPort());
            String admin = api.login("admin", password);
            // one listing rather than a read per node: the API's rate limit (50 requests/s) would answer 429
            Set<String> present = new TreeSet<>();
            Api.Reply page;
            int offset = 0;
            do {
                page = api.get(admin, "/nodes?limit=1000&offset=" + offset);
                assertEquals(page.toString(), 200, page.status());
                page.json().get("items").forEach(node -> present.add(node.get("id").asText()));
                offset += page.json().get("items").size();
            } while (page.json().get("items").size() > 0 && offset < page.json().get("total").asInt());
            Set<String> missing = new TreeSet<>(acknowledged);
            missing.removeAll(present);
            assertEquals("acknowledged registrations missing after " + KILLS + " kills (of " + acknowledged.size()
                    + ")", Set.of(), missing);
            assertEquals(200, api.get(null, "/health").status());
        }
    }
}
