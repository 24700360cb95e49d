package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import org.fogcompute.itests.Api.Reply;
import org.junit.Assume;
import org.junit.Test;

/**
 * The REST API while the database is unreachable: writes answer 503 with Retry-After and change nothing, reads
 * keep working, and writes succeed again by themselves once the database is back. The outage is a cut TCP link
 * between the distribution and a real PostgreSQL (FOG_TEST_JDBC_URL).
 */
public class RestDatabaseOutageIT {

    @Test
    public void writesAnswer503DuringAnOutageAndResumeAfterIt() throws Exception {
        String url = System.getenv("FOG_TEST_JDBC_URL");
        Assume.assumeTrue("FOG_TEST_JDBC_URL is not set to a PostgreSQL database: skipped",
                url != null && url.startsWith("jdbc:postgresql:"));
        URI database = URI.create(url.substring("jdbc:".length()));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path home = Paths.get("target", "outage-" + run).toAbsolutePath();
        try (CuttableTcpProxy link = new CuttableTcpProxy(database.getHost(), database.getPort());
             RunningDistribution karaf = new RunningDistribution(Paths.get(System.getProperty("fog.assembly.dir")),
                     home, "outage-" + run, url.replace(database.getHost() + ":" + database.getPort(),
                     "127.0.0.1:" + link.port()))) {
            karaf.environment("FOG_ADMIN_PASSWORD", "outage-admin-" + run);
            karaf.startFresh();
            Api api = new Api(karaf.httpPort());
            String admin = api.login("admin", "outage-admin-" + run);
            assertEquals(201, api.post(admin, "/nodes", RestApiIT.node(run + "-before", "eu-west", 2, 1024))
                    .status());

            link.cut();
            Reply refused = api.post(admin, "/nodes", RestApiIT.node(run + "-during", "eu-west", 2, 1024));
            assertEquals(refused.toString(), 503, refused.status());
            assertTrue("Retry-After on 503", refused.raw().headers().firstValue("Retry-After").isPresent());
            Reply task = api.post(admin, "/tasks", "{\"id\":\"" + run + "-task\"}");
            assertEquals(task.toString(), 503, task.status());
            assertEquals("reads go on from memory", 200, api.get(admin, "/nodes/" + run + "-before").status());
            assertEquals("the refused node was not half-registered", 404,
                    api.get(admin, "/nodes/" + run + "-during").status());
            assertEquals("a task id memory does not hold may be a finished task in the database", 503,
                    api.get(admin, "/tasks/" + run + "-task").status());
            assertEquals("health says DOWN while the database does not answer", 503,
                    api.get(null, "/health").status());

            link.restore();
            long deadline = System.nanoTime() + 60_000_000_000L;
            Reply after;
            do {
                after = api.post(admin, "/nodes", RestApiIT.node(run + "-after", "eu-west", 2, 1024));
                if (after.status() == 503) {
                    Thread.sleep(500);
                }
            } while (after.status() == 503 && System.nanoTime() < deadline);
            assertEquals("writes resume by themselves once the database is back: " + after, 201, after.status());
            assertEquals(404, api.get(admin, "/tasks/" + run + "-task").status());
            assertEquals(200, api.get(null, "/health").status());
        }
    }

    /**
     * A first start while the database is down must not give up: the runtime waits for it, saying so in the log,
     * answers 503 to fleet reads and health meanwhile (never an empty fleet), and is ready by itself once the
     * database answers.
     */
    @Test
    public void aStartWhileTheDatabaseIsDownComesUpByItselfWhenItReturns() throws Exception {
        String url = System.getenv("FOG_TEST_JDBC_URL");
        Assume.assumeTrue("FOG_TEST_JDBC_URL is not set to a PostgreSQL database: skipped",
                url != null && url.startsWith("jdbc:postgresql:"));
        URI database = URI.create(url.substring("jdbc:".length()));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path home = Paths.get("target", "down-at-start-" + run).toAbsolutePath();
        try (CuttableTcpProxy link = new CuttableTcpProxy(database.getHost(), database.getPort());
             RunningDistribution karaf = new RunningDistribution(Paths.get(System.getProperty("fog.assembly.dir")),
                     home, "down-" + run, url.replace(database.getHost() + ":" + database.getPort(),
                     "127.0.0.1:" + link.port()))) {
            karaf.environment("FOG_ADMIN_PASSWORD", "down-admin-" + run);
            link.cut();
            karaf.startWaitingForDatabase();
            Api api = new Api(karaf.httpPort());
            assertEquals("not ready while the database is down", 503, api.get(null, "/health").status());
            String admin = api.login("admin", "down-admin-" + run);
            Reply nodes = api.get(admin, "/nodes");
            assertEquals("no empty fleet before it is loaded: " + nodes, 503, nodes.status());

            link.restore();
            karaf.awaitFleetRestored();
            assertEquals(201, api.post(admin, "/nodes", RestApiIT.node(run + "-n", "eu-west", 2, 1024)).status());
            assertEquals(200, api.get(null, "/health").status());
        }
    }
}
