package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.fogcompute.itests.Api.Reply;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Deployments on the real distribution, over REST, as an operator and the nodes' agents would use them: replicas on
 * distinct nodes, a replica replaced when its node stops heartbeating, scaling up and down, a rolling update that never
 * has fewer than count − 1 running, and a restart that keeps it all.
 */
public class DeploymentsIT {
    private static final String PASSWORD = "deployments-admin-pass";
    private static RunningDistribution karaf;
    private static Api api;
    private static String admin;
    private static String operator;
    private static String viewer;
    /** Nodes whose agent heartbeats (every 500 ms); a node taken out of it falls silent. */
    private static final Set<String> alive = ConcurrentHashMap.newKeySet();
    private static ScheduledExecutorService agents;

    @BeforeClass
    public static void start() throws Exception {
        karaf = RunningDistribution.fresh("deployments", null);
        karaf.environment("FOG_ADMIN_PASSWORD", PASSWORD);
        // silence is noticed within seconds, so that a lost node's replica is replaced while the test waits
        karaf.configure("org.fogcompute.coordinator", "coordinator.id = deployments-it\n"
                + "heartbeat.interval.seconds = 1\nheartbeat.timeout.seconds = 3\n");
        karaf.appendUsers("watcher = watcher-pass,_g_:viewergroup\nworker = worker-pass,_g_:operatorgroup\n");
        karaf.startFresh();
        api = new Api(karaf.httpPort());
        admin = api.login("admin", PASSWORD);
        operator = api.login("worker", "worker-pass");
        viewer = api.login("watcher", "watcher-pass");
        agents = Executors.newSingleThreadScheduledExecutor();
        agents.scheduleWithFixedDelay(() -> {
            for (String node : alive) {
                try {
                    api.post(admin, "/nodes/" + node + "/heartbeat", "{\"cpuPercent\":10.0,\"memoryPercent\":20.0}");
                } catch (RuntimeException restarting) {
                    // the runtime is restarting: the agent tries again on its next beat
                }
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agents != null) {
            agents.shutdownNow();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    private static void node(String id) {
        Reply registered = api.post(admin, "/nodes", "{\"id\":\"" + id + "\",\"type\":\"EDGE_DEVICE\",\"region\":"
                + "\"eu-west\",\"address\":\"10.9.0." + (alive.size() + 1) + "\",\"port\":7000,\"capacity\":"
                + "{\"cpuCores\":4,\"memoryMb\":4096,\"storageMb\":1000,\"gpuCount\":0}}");
        assertEquals(registered.toString(), 201, registered.status());
        alive.add(id);
    }

    /** Polls the deployment (every 200 ms, up to 60 s) until it satisfies the condition; returns the last answer. */
    private static JsonNode awaitDeployment(String name, Predicate<JsonNode> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode deployment = null;
        while (System.nanoTime() < deadline) {
            Reply reply = api.get(viewer, "/deployments/" + name);
            deployment = reply.json();
            if (reply.status() == 200 && until.test(deployment)) {
                return deployment;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("deployment " + name + " never got there: " + deployment);
    }

    /** Starts the replicas their nodes were given, as the nodes' agents do. */
    private static int startPlaced(JsonNode deployment) {
        int started = 0;
        for (JsonNode replica : deployment.get("replicas")) {
            if ("STARTING".equals(replica.get("state").asText())) {
                api.post(operator, "/tasks/" + replica.get("taskId").asText() + "/start", null);
                started++;
            }
        }
        return started;
    }

    private static Set<String> nodes(JsonNode deployment) {
        Set<String> nodes = new HashSet<>();
        deployment.get("replicas").forEach(r -> nodes.add(r.path("nodeId").asText(null)));
        return nodes;
    }

    private static Set<Integer> slots(JsonNode deployment) {
        Set<Integer> slots = new HashSet<>();
        deployment.get("replicas").forEach(r -> slots.add(r.get("slot").asInt()));
        return slots;
    }

    private static long count(JsonNode deployment, String state) {
        long n = 0;
        for (JsonNode replica : deployment.get("replicas")) {
            n += state.equals(replica.get("state").asText()) ? 1 : 0;
        }
        return n;
    }

    @Test
    public void replicasLiveOnDistinctNodesAreReplacedScaledUpdatedRollingAndKeptAcrossARestart() throws Exception {
        for (String id : new String[] {"d1", "d2", "d3", "d4"}) {
            node(id);
        }
        assertEquals("viewers read, they do not create", 403, api.post(viewer, "/deployments",
                "{\"name\":\"web\",\"workload\":{\"image\":\"nginx:1.27\"}}").status());
        Reply created = api.post(operator, "/deployments", "{\"name\":\"web\",\"workload\":{\"image\":\"nginx:1.27\","
                + "\"ports\":[8080]},\"replicas\":3,\"resources\":{\"cpuCores\":1,\"memoryMb\":256,\"storageMb\":0,"
                + "\"gpu\":false}}");
        assertEquals(created.toString(), 201, created.status());
        assertEquals(409, api.post(operator, "/deployments", "{\"name\":\"web\",\"workload\":{\"image\":\"x\"}}")
                .status());
        JsonNode web = created.json();
        assertEquals(3, nodes(web).size());
        assertFalse(nodes(web).contains(null));
        startPlaced(web);
        web = awaitDeployment("web", d -> d.get("ready").asInt() == 3);

        // a node falls silent: its replica is moved to the node without one
        String lost = web.get("replicas").get(1).get("nodeId").asText();
        alive.remove(lost);
        web = awaitDeployment("web", d -> !nodes(d).contains(lost) && !nodes(d).contains(null)
                && nodes(d).size() == 3);
        startPlaced(web);
        web = awaitDeployment("web", d -> d.get("ready").asInt() == 3);

        // scale up beyond the live nodes: the replica that does not fit waits, saying why, until a node joins
        Reply scaled = api.post(operator, "/deployments/web/scale", "{\"replicas\":4}");
        assertEquals(scaled.toString(), 200, scaled.status());
        JsonNode waiting = awaitDeployment("web", d -> count(d, "PENDING") == 1);
        assertTrue(waiting.toString(), waiting.get("problem").asText().contains("within the placement"));
        node("d5");
        web = awaitDeployment("web", d -> count(d, "PENDING") == 0 && d.get("replicas").size() == 4);
        startPlaced(web);
        awaitDeployment("web", d -> d.get("ready").asInt() == 4);
        web = api.post(operator, "/deployments/web/scale", "{\"replicas\":2}").json();
        assertEquals(2, web.get("replicas").size());
        assertEquals("running replicas are kept when scaling down", 2, count(web, "RUNNING"));

        // a rolling update: never fewer than count − 1 running
        Reply update = api.put(operator, "/deployments/web", "{\"name\":\"web\",\"workload\":{\"image\":"
                + "\"nginx:1.28\",\"ports\":[8080]},\"replicas\":2}");
        assertEquals(update.toString(), 200, update.status());
        assertEquals(2, update.json().get("generation").asInt());
        long fewestRunning = Long.MAX_VALUE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode rolling = update.json();
        while (System.nanoTime() < deadline) {
            rolling = api.get(viewer, "/deployments/web").json();
            fewestRunning = Math.min(fewestRunning, count(rolling, "RUNNING"));
            if (rolling.get("ready").asInt() == 2) {
                break;
            }
            startPlaced(rolling);
            Thread.sleep(200);
        }
        assertEquals(rolling.toString(), 2, rolling.get("ready").asInt());
        assertTrue("running never below count − 1: " + fewestRunning, fewestRunning >= 1);

        // requests balanced over the running replicas, outcomes reported back
        Set<String> resolved = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Reply resolution = api.post(viewer, "/deployments/web/resolve", "{}");
            assertEquals(resolution.toString(), 200, resolution.status());
            resolved.add(resolution.json().get("nodeId").asText());
            assertTrue(resolution.json().get("endpoint").asText().endsWith(":8080"));
            assertEquals(204, api.post(viewer, "/deployments/web/report", "{\"leaseId\":\""
                    + resolution.json().get("leaseId").asText() + "\",\"success\":true,\"latencyMillis\":12}")
                    .status());
        }
        assertEquals("round-robin spreads over both replicas: " + resolved, nodes(rolling), resolved);
        assertEquals("a lease is reported once", 404, api.post(viewer, "/deployments/web/report",
                "{\"leaseId\":\"nope\",\"success\":true,\"latencyMillis\":1}").status());
        Reply sticky = api.put(operator, "/deployments/web", "{\"name\":\"web\",\"workload\":{\"image\":"
                + "\"nginx:1.28\",\"ports\":[8080]},\"replicas\":2,\"algorithm\":\"consistent-hash\"}");
        assertEquals(sticky.toString(), 2, sticky.json().get("generation").asInt()); // not a new workload
        Set<String> forAlice = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonNode resolution = api.post(viewer, "/deployments/web/resolve", "{\"sessionKey\":\"alice\"}").json();
            forAlice.add(resolution.get("nodeId").asText());
            api.post(viewer, "/deployments/web/report", "{\"leaseId\":\"" + resolution.get("leaseId").asText()
                    + "\",\"success\":true,\"latencyMillis\":5}");
        }
        assertEquals("consistent-hash keeps a session on one replica: " + forAlice, 1, forAlice.size());
        // five failures in a row open the node's circuit: its replica is not resolved any more
        String failing = forAlice.iterator().next();
        for (int i = 0; i < 5; i++) {
            JsonNode resolution = api.post(viewer, "/deployments/web/resolve", "{\"sessionKey\":\"alice\"}").json();
            assertEquals(failing, resolution.get("nodeId").asText());
            api.post(viewer, "/deployments/web/report", "{\"leaseId\":\"" + resolution.get("leaseId").asText()
                    + "\",\"success\":false,\"latencyMillis\":900}");
        }
        for (int i = 0; i < 5; i++) {
            JsonNode resolution = api.post(viewer, "/deployments/web/resolve", "{\"sessionKey\":\"alice\"}").json();
            assertFalse("the open circuit's replica is skipped", failing.equals(resolution.get("nodeId").asText()));
            api.post(viewer, "/deployments/web/report", "{\"leaseId\":\"" + resolution.get("leaseId").asText()
                    + "\",\"success\":true,\"latencyMillis\":5}");
        }
        assertEquals(422, api.post(viewer, "/deployments/web/report", "{\"leaseId\":\"x\"}").status());

        // the answers come from the cache, and only an admin clears it
        for (int i = 0; i < 3; i++) {
            api.get(viewer, "/deployments/web");
        }
        JsonNode cached = api.get(viewer, "/deployments/cache/metrics").json();
        assertTrue(cached.toString(), cached.get("hits").asLong() > 0);
        assertEquals(403, api.post(operator, "/deployments/cache/clear", null).status());
        assertEquals(204, api.post(admin, "/deployments/cache/clear", null).status());
        assertEquals(200, api.get(viewer, "/deployments/web").status());

        // bad input changes nothing
        assertEquals(422, api.put(operator, "/deployments/web", "{\"name\":\"other\",\"workload\":{\"image\":\"x\"}}")
                .status());
        assertEquals(400, api.post(operator, "/deployments", "{\"name\":\"x\",\"workload\":{\"image\":\"x\"},"
                + "\"zone\":\"a\"}").status());
        assertEquals(422, api.post(operator, "/deployments", "{\"name\":\"Bad_Name\",\"workload\":{\"image\":\"x\"}}")
                .status());
        assertEquals(404, api.get(viewer, "/deployments/Bad_Name").status());
        assertEquals(1, api.get(viewer, "/deployments").json().get("total").asInt());

        // a restart keeps the deployment and its replicas
        JsonNode before = api.get(viewer, "/deployments/web").json();
        karaf.stop();
        karaf.start();
        api = new Api(karaf.httpPort());
        admin = api.login("admin", PASSWORD);
        operator = api.login("worker", "worker-pass");
        viewer = api.login("watcher", "watcher-pass");
        // (its nodes were silent while it was down: a replica may have moved since, but none is lost)
        JsonNode after = awaitDeployment("web", d -> d.get("replicas").size() == 2);
        assertEquals(before.get("spec"), after.get("spec"));
        assertEquals(2, after.get("generation").asInt());
        assertEquals(slots(before), slots(after));

        Reply deleted = api.delete(operator, "/deployments/web");
        assertEquals(deleted.toString(), 200, deleted.status());
        for (JsonNode replica : deleted.json().get("replicas")) {
            assertEquals("CANCELLED", api.get(viewer, "/tasks/" + replica.get("taskId").asText()).json()
                    .get("status").asText());
        }
        assertEquals(404, api.get(viewer, "/deployments/web").status());
    }

    @Test
    public void aNodeSeesOnlyItsOwnReplicasAndAViewerNoEnvironmentValues() throws Exception {
        String joinToken = api.post(admin, "/join-tokens", null).json().get("joinToken").asText();
        Reply enrolled = api.post(null, "/enroll", "{\"joinToken\":\"" + joinToken + "\",\"node\":{\"id\":"
                + "\"own-node\",\"type\":\"EDGE_DEVICE\",\"region\":\"own-region\",\"capacity\":{\"cpuCores\":4,"
                + "\"memoryMb\":4096,\"storageMb\":1000,\"gpuCount\":0}}}");
        assertEquals(enrolled.toString(), 201, enrolled.status());
        String credential = enrolled.json().get("access_token").asText();
        alive.add("own-node");
        assertEquals(201, api.post(admin, "/nodes", "{\"id\":\"other-node\",\"type\":\"EDGE_DEVICE\",\"region\":"
                + "\"own-region\",\"capacity\":{\"cpuCores\":4,\"memoryMb\":4096,\"storageMb\":1000,"
                + "\"gpuCount\":0}}").status());
        alive.add("other-node");

        Reply created = api.post(operator, "/deployments", "{\"name\":\"secret-app\",\"workload\":{\"image\":"
                + "\"app:1\",\"env\":{\"API_KEY\":\"s3cr3t\"}},\"replicas\":2,\"regions\":[\"own-region\"]}");
        assertEquals(created.toString(), 201, created.status());
        assertEquals(201, api.post(operator, "/deployments", "{\"name\":\"elsewhere\",\"workload\":{\"image\":"
                + "\"app:1\"},\"regions\":[\"nowhere-region\"]}").status());

        JsonNode mine = api.get(credential, "/deployments/secret-app").json();
        assertEquals(mine.toString(), 1, mine.get("replicas").size());
        assertEquals("own-node", mine.get("replicas").get(0).get("nodeId").asText());
        assertEquals("a node learns nothing of a deployment it does not run", 404,
                api.get(credential, "/deployments/elsewhere").status());
        for (JsonNode deployment : api.get(credential, "/deployments").json().get("items")) {
            for (JsonNode replica : deployment.get("replicas")) {
                assertEquals(deployment.toString(), "own-node", replica.get("nodeId").asText());
            }
        }
        assertEquals(403, api.post(credential, "/deployments", "{\"name\":\"x\",\"workload\":{\"image\":\"x\"}}")
                .status());
        assertEquals(403, api.post(credential, "/deployments/secret-app/scale", "{\"replicas\":0}").status());

        assertEquals("(hidden)", api.get(viewer, "/deployments/secret-app").json().get("spec").get("workload")
                .get("env").get("API_KEY").asText());
        assertEquals("s3cr3t", api.get(operator, "/deployments/secret-app").json().get("spec").get("workload")
                .get("env").get("API_KEY").asText());
        assertEquals(200, api.delete(operator, "/deployments/secret-app").status());
        assertEquals(200, api.delete(operator, "/deployments/elsewhere").status());
    }
}
