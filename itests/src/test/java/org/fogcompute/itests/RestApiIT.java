package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fogcompute.itests.Api.Reply;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The REST API of the distribution as a client sees it over HTTP: every endpoint, the roles, node enrollment,
 * tokens that must be refused, each class of bad input (and that it changes nothing), and the rate limit.
 */
public class RestApiIT {
    /** Fuzzed requests per run: each is malformed by construction. */
    private static final int FUZZED = 10_000;
    static final String ADMIN_PASSWORD = "first-admin-" + UUID.randomUUID().toString().substring(0, 8);
    private static RunningDistribution karaf;
    private static Api api;
    private static String admin;
    private static String operator;
    private static String viewer;

    @BeforeClass
    public static void startDistribution() throws Exception {
        karaf = RunningDistribution.fresh("rest", null);
        karaf.environment("FOG_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Authenticated clients practically unlimited (the fuzz test sends thousands of requests), anonymous ones
        // tightly limited so that the limit can be seen.
        karaf.configure("org.fogcompute.rest", "max.body.bytes = 1048576\nmax.batch.size = 1000\n"
                + "rate.requests.per.second = 1000000\nrate.burst = 1000000\n"
                + "rate.anonymous.requests.per.second = 20\nrate.anonymous.burst = 40\n"
                // cached for a minute: only the eviction on registry changes can refresh it within a test
                + "topology.cache.millis = 60000\n");
        karaf.configure("org.fogcompute.security", "join.token.ttl.seconds = 5\n");
        // Relays start at reputation 0.5 and would need six successes each to reach the default 0.8 that CONFIDENTIAL
        // and SECRET hops need; the floor is the configured one either way. SECRET circuits of five hops (default
        // seven) keep the test fleet small.
        karaf.configure("org.fogcompute.vpn", "confidential.min.reputation = 0.5\nsecret.mix.hops = 3\n");
        karaf.configure("org.fogcompute.onion", "private.hops = 3\nconfidential.hops = 5\nsecret.hops = 5\n");
        karaf.configure("org.fogcompute.bitchat", "mailbox.max.messages = 3\n"); // a bound a test can reach
        // Users as an operator writes them into etc/users.properties; the realm hashes the passwords at first login.
        // (Adding them through a batch of jaas:* commands over bin/client lost a group assignment now and then.)
        karaf.appendUsers("operator1 = operator-pass-1,_g_:operatorgroup\nviewer1 = viewer-pass-1,_g_:viewergroup\n"
                + "pauper1 = pauper-pass-1,_g_:operatorgroup\npayer1 = payer-pass-1,_g_:operatorgroup\n");
        karaf.startFresh();
        api = new Api(karaf.httpPort());
        admin = api.login("admin", ADMIN_PASSWORD);
        operator = api.login("operator1", "operator-pass-1");
        viewer = api.login("viewer1", "viewer-pass-1");
        // who submits a task pays for it: the users submitting here get credits as an admin grants them
        api.fund(admin, "admin", 1_000_000);
        api.fund(admin, "operator1", 1_000_000);
    }

    @AfterClass
    public static void stopDistribution() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    // --- happy paths ------------------------------------------------------------------------------------------

    @Test
    public void healthIsPublicAndRevealsNothing() {
        Reply health = api.get(null, "/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("status").asText());
        assertFalse("no coordinator id or database url", health.body().contains("jdbc")
                || health.body().contains("rest-"));
    }

    @Test
    public void nodesLifecycleOverHttp() {
        Reply created = api.post(admin, "/nodes", node("http-n1", "sa-east", 4, 4096));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("http-n1", created.json().get("id").asText());

        Reply batch = api.post(admin, "/nodes/batch", "{\"nodes\":[" + node("http-b1", "us-east", 2, 2048) + ","
                + node("http-b2", "us-east", 2, 2048) + "]}");
        assertEquals(batch.toString(), 201, batch.status());
        assertEquals(2, batch.json().get("nodes").size());

        Reply filtered = api.get(viewer, "/nodes?region=us-east&limit=1&offset=1");
        assertEquals(200, filtered.status());
        assertEquals(2, filtered.json().get("total").asInt());
        assertEquals(1, filtered.json().get("items").size());
        Reply labelled = api.get(viewer, "/nodes?label=tier=edge&region=sa-east");
        assertEquals(1, labelled.json().get("total").asInt());

        assertEquals(200, api.get(viewer, "/nodes/http-n1").status());
        Reply status = api.put(admin, "/nodes/http-n1/status", "{\"status\":\"MAINTENANCE\"}");
        assertEquals("MAINTENANCE", status.json().get("status").asText());
        api.put(admin, "/nodes/http-n1/status", "{\"status\":\"ACTIVE\"}");
        Reply beat = api.post(admin, "/nodes/http-n1/heartbeat", "{\"cpuPercent\":42.5,\"memoryPercent\":10}");
        assertEquals(beat.toString(), 200, beat.status());
        assertEquals(42.5, beat.json().get("metrics").get("cpuPercent").asDouble(), 0.0);
        assertEquals(200, api.get(viewer, "/nodes/http-n1/tasks").status());

        Reply removed = api.delete(admin, "/nodes/http-b2");
        assertEquals(200, removed.status());
        assertEquals(404, api.get(viewer, "/nodes/http-b2").status());
    }

    @Test
    public void tasksLifecycleOverHttp() {
        api.post(admin, "/nodes", node("http-t-node", "ap-south", 8, 8192));
        Reply submitted = api.post(operator, "/tasks", "{\"id\":\"http-t1\",\"priority\":7,\"strategy\":"
                + "\"round-robin\",\"requirements\":{\"cpuCores\":1,\"memoryMb\":256,\"storageMb\":10,\"gpu\":false}}");
        assertEquals(submitted.toString(), 201, submitted.status());
        assertEquals("ASSIGNED", submitted.json().get("status").asText());
        assertEquals("round-robin", submitted.json().get("routedBy").asText());

        assertEquals(200, api.get(viewer, "/tasks/http-t1").status());
        assertEquals(1, api.get(viewer, "/tasks/http-t1/assignments").json().size());
        assertTrue(api.get(viewer, "/tasks?status=ASSIGNED").json().get("total").asInt() >= 1);
        assertEquals("RUNNING", api.post(operator, "/tasks/http-t1/start", null).json().get("status").asText());
        assertEquals("COMPLETED", api.post(operator, "/tasks/http-t1/complete", null).json().get("status")
                .asText());
        assertEquals(409, api.post(operator, "/tasks/http-t1/start", null).status());

        api.post(operator, "/tasks", "{\"id\":\"http-t2\"}");
        Reply failed = api.post(operator, "/tasks/http-t2/fail", "{\"reason\":\"disk full\"}");
        assertEquals("FAILED", failed.json().get("status").asText());
        api.post(operator, "/tasks", "{\"id\":\"http-t3\"}");
        assertEquals("CANCELLED", api.post(operator, "/tasks/http-t3/cancel", null).json().get("status").asText());
    }

    @Test
    public void topologyAndStrategies() {
        Reply topology = api.get(viewer, "/topology");
        assertEquals(200, topology.status());
        assertNotNull(topology.json().get("nodeCount"));
        assertEquals(200, api.get(viewer, "/topology/history").status());
        Reply strategies = api.get(viewer, "/strategies");
        assertTrue(strategies.json().get("names").toString().contains("affinity"));
        Reply changed = api.put(admin, "/strategies/default", "{\"name\":\"affinity\"}");
        assertEquals(changed.toString(), 200, changed.status());
        assertEquals("affinity", changed.json().get("defaultName").asText());
        assertEquals(404, api.put(admin, "/strategies/default", "{\"name\":\"no-such-strategy\"}").status());
        api.put(admin, "/strategies/default", "{\"name\":\"least-loaded\"}");
    }

    @Test
    public void topologyIsCachedAndTheCacheIsObservableAndClearable() {
        api.get(viewer, "/topology");
        api.get(viewer, "/topology");
        Reply metrics = api.get(viewer, "/cache/metrics");
        assertEquals(metrics.toString(), 200, metrics.status());
        JsonNode fleet = null;
        for (JsonNode namespace : metrics.json().get("namespaces")) {
            if (namespace.get("namespace").asText().equals("fleet")) {
                fleet = namespace;
            }
        }
        assertNotNull("the fleet namespace after topology reads: " + metrics, fleet);
        assertTrue(metrics.toString(), fleet.get("hits").asLong() + fleet.get("misses").asLong() >= 2);
        assertEquals(403, api.post(viewer, "/cache/clear?namespace=fleet", null).status());
        assertEquals(404, api.post(admin, "/cache/clear?namespace=no-such-namespace", null).status());
        assertEquals(422, api.post(admin, "/cache/clear?namespace=bad%20name", null).status());
        assertEquals(200, api.post(admin, "/cache/clear?namespace=fleet", null).status());

        // a registration evicts the cached topology: the next read counts the new node
        int before = api.get(viewer, "/topology").json().get("nodeCount").asInt();
        api.post(admin, "/nodes", node("topology-cache-n", "eu-west", 1, 512));
        long deadline = System.nanoTime() + 5_000_000_000L;
        int after = before;
        while (after == before && System.nanoTime() < deadline) {
            after = api.get(viewer, "/topology").json().get("nodeCount").asInt();
        }
        assertEquals("the new node is counted long before the 60 s time to live", before + 1, after);
    }

    @Test
    public void balancingAlgorithmsCircuitsAndScalingOverHttp() {
        Reply algorithms = api.get(viewer, "/lb/algorithms");
        assertEquals(algorithms.toString(), 200, algorithms.status());
        for (String name : List.of("round-robin", "weighted-round-robin", "least-connections", "response-time",
                "consistent-hash", "random")) {
            assertTrue(algorithms.toString(), algorithms.json().get("names").toString().contains(name));
        }
        assertEquals(403, api.put(operator, "/lb/default", "{\"name\":\"random\"}").status());
        assertEquals(404, api.put(admin, "/lb/default", "{\"name\":\"no-such\"}").status());
        assertEquals("random", api.put(admin, "/lb/default", "{\"name\":\"random\"}").json()
                .get("defaultName").asText());
        api.put(admin, "/lb/default", "{\"name\":\"round-robin\"}");

        // five failed tasks open a node's circuit; an admin closes it again (only this node fits 40 GB with a GPU)
        api.post(admin, "/nodes", node("flaky-node", "sa-east", 64, 65536).replace("\"gpuCount\":0",
                "\"gpuCount\":2"));
        for (int i = 0; i < 5; i++) {
            Reply task = api.post(operator, "/tasks", "{\"id\":\"flaky-" + i + "\",\"requirements\":{"
                    + "\"cpuCores\":1,\"memoryMb\":40000,\"storageMb\":10,\"gpu\":true}}");
            assertEquals(task.toString(), "flaky-node", task.json().get("nodeId").asText());
            api.post(operator, "/tasks/flaky-" + i + "/fail", "{\"reason\":\"crashed\"}");
        }
        JsonNode circuit = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((circuit == null || !circuit.get("state").asText().equals("OPEN")) && System.nanoTime() < deadline) {
            for (JsonNode c : api.get(viewer, "/circuits").json()) {
                if (c.get("nodeId").asText().equals("flaky-node")) {
                    circuit = c;
                }
            }
        }
        assertNotNull(circuit);
        assertEquals("CIRCUIT_OPEN", circuit.get("health").asText());
        Reply refused = api.post(operator, "/tasks", "{\"id\":\"flaky-after\",\"requirements\":{"
                + "\"cpuCores\":1,\"memoryMb\":40000,\"storageMb\":10,\"gpu\":true}}");
        assertEquals("the only node that fits has an open circuit", "PENDING", refused.json().get("status").asText());
        assertEquals(403, api.post(viewer, "/circuits/flaky-node/reset", null).status());
        assertEquals("CLOSED", api.post(admin, "/circuits/flaky-node/reset", null).json().get("state").asText());
        assertEquals(404, api.post(admin, "/circuits/never-used/reset", null).status());
        assertEquals(200, api.get(viewer, "/scaling/events").status());
        api.post(operator, "/tasks/flaky-after/cancel", null);
    }

    @Test
    public void servicesAndRestartsOverHttp() {
        Reply services = api.get(viewer, "/services");
        assertEquals(services.toString(), 200, services.status());
        assertTrue(services.body().contains("\"coordinator\""));
        Reply graph = api.get(viewer, "/services/dependencies");
        assertTrue(graph.toString(), graph.json().get("startupOrder").toString().contains("persistence"));
        assertEquals(200, api.get(viewer, "/services/cache").status());
        assertEquals(404, api.get(viewer, "/services/no-such-service").status());
        assertEquals(403, api.post(operator, "/services/restart/cache", null).status());
        Reply restart = api.post(admin, "/services/restart/cache", null);
        assertEquals(restart.toString(), 200, restart.status());
        assertTrue(restart.toString(), restart.json().get("dependentsBack").asBoolean());
        assertEquals(404, api.post(admin, "/services/restart/no-such-service", null).status());
        // the same under the original system's paths
        assertTrue(api.get(viewer, "/orchestration/services").body().contains("\"coordinator\""));
        assertEquals(200, api.get(viewer, "/orchestration/dependencies").status());
        assertEquals(200, api.get(viewer, "/orchestration/health").status());
        assertEquals(200, api.get(viewer, "/orchestration/metrics").status());
        assertEquals(200, api.get(viewer, "/orchestration/service/cache").status());
        assertEquals(403, api.post(operator, "/orchestration/restart/cache", null).status());
        Reply coordinator = api.get(viewer, "/coordinator");
        assertEquals(coordinator.toString(), 200, coordinator.status());
        assertTrue(coordinator.toString(), coordinator.json().get("ready").asBoolean());
        assertTrue(coordinator.toString(), coordinator.json().has("coordinatorId"));
        assertTrue(coordinator.toString(), coordinator.json().get("commits").has("refused"));
        Reply health = api.post(operator, "/services/health/check-now", null);
        assertEquals(health.toString(), 200, health.status());
        assertTrue(health.toString(), health.body().contains("\"coordinator\"")
                && health.body().contains("\"persistence\""));
        assertEquals(403, api.post(viewer, "/services/health/check-now", null).status());
        assertEquals(200, api.get(viewer, "/services/health").status());
        Reply metrics = api.get(viewer, "/services/metrics");
        assertTrue(metrics.toString(), metrics.body().contains("\"service\":\"cache\"")
                && metrics.body().contains("\"restarts\":"));
    }

    /**
     * A node agent's side of the peer directory: it signs its record with its own Ed25519 key in the documented
     * canonical form, publishes it with its node credential, and finds its peers; no node publishes for another.
     */
    @Test
    public void nodesPublishTheirOwnSignedPeerRecordsAndLookPeersUp() throws Exception {
        String[] credentials = new String[2];
        String[] ids = {"peer-paris", "peer-berlin"};
        String[] locations = {"\"location\":{\"latitude\":48.86,\"longitude\":2.35}",
            "\"location\":{\"latitude\":52.52,\"longitude\":13.40}"};
        for (int i = 0; i < 2; i++) {
            String joinToken = api.post(admin, "/join-tokens", null).json().get("joinToken").asText();
            Reply enrolled = api.post(null, "/enroll", "{\"joinToken\":\"" + joinToken + "\",\"node\":"
                    + node(ids[i], i == 0 ? "eu-west" : "eu-central", 1, 512).replaceFirst("\\{", "{"
                    + locations[i] + ",") + "}");
            assertEquals(enrolled.toString(), 201, enrolled.status());
            credentials[i] = enrolled.json().get("access_token").asText();
        }
        java.security.KeyPair paris = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.KeyPair berlin = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        Reply published = api.put(credentials[0], "/p2p/peers/peer-paris", peerRecord(paris, "peer-paris", 1,
                "10.1.0.1"));
        assertEquals(published.toString(), 200, published.status());
        assertTrue(published.toString(), published.json().get("online").asBoolean());
        assertEquals(200, api.put(credentials[1], "/p2p/peers/peer-berlin", peerRecord(berlin, "peer-berlin", 1,
                "10.2.0.1")).status());

        assertEquals("a node publishes for itself only", 403, api.put(credentials[1], "/p2p/peers/peer-paris",
                peerRecord(berlin, "peer-paris", 2, "6.6.6.6")).status());
        Reply forged = api.put(credentials[0], "/p2p/peers/peer-paris", peerRecord(paris, "peer-paris", 2,
                "10.1.0.1").replace("10.1.0.1", "6.6.6.6"));
        assertEquals(forged.toString(), 422, forged.status());
        assertTrue(forged.error(), forged.error().contains("does not verify"));
        Reply replayed = api.put(credentials[0], "/p2p/peers/peer-paris", peerRecord(paris, "peer-paris", 1,
                "10.1.0.1"));
        assertEquals(replayed.toString(), 409, replayed.status());
        assertEquals(422, api.get(viewer, "/p2p/peers?near=91,2").status());

        Reply nearLondon = api.get(credentials[1], "/p2p/peers?near=51.51,-0.13&online=true");
        assertEquals(nearLondon.toString(), 200, nearLondon.status());
        List<String> order = new ArrayList<>();
        nearLondon.json().forEach(peer -> order.add(peer.get("record").get("nodeId").asText()));
        assertEquals(List.of("peer-paris", "peer-berlin"), order);
        Reply inRegion = api.get(viewer, "/p2p/peers?region=eu-central");
        assertEquals(1, inRegion.json().size());
        assertEquals("10.2.0.1", inRegion.json().get(0).get("record").get("endpoints").get(0).get("host").asText());

        assertEquals(200, api.delete(admin, "/nodes/peer-berlin").status());
        assertEquals("a node that left the fleet takes its record with it", 404,
                awaitStatus(viewer, "/p2p/peers/peer-berlin", 404));
    }

    /**
     * Mixnodes that enrolled, published their peer records and are staked are listed in the next consensus with their
     * weights; a node verifies the document with the published key exactly as documented.
     */
    @Test
    public void aConsensusListsStakedMixnodesAndVerifiesWithThePublishedKey() throws Exception {
        String[] regions = {"mix-eu", "mix-us", "mix-ap", "mix-af"};
        String credential = null;
        for (int i = 0; i < regions.length; i++) {
            String id = "mixnode-" + i;
            String joinToken = api.post(admin, "/join-tokens", null).json().get("joinToken").asText();
            Reply enrolled = api.post(null, "/enroll", "{\"joinToken\":\"" + joinToken + "\",\"node\":"
                    + node(id, regions[i], 1, 512).replace("EDGE_DEVICE", "MIXNODE").replace("\"tier\":\"edge\"",
                    "\"operator\":\"mixop-" + i + "\",\"mixnode.version\":\"1.4." + i + "\"") + "}");
            assertEquals(enrolled.toString(), 201, enrolled.status());
            credential = enrolled.json().get("access_token").asText();
            assertEquals(200, api.put(credential, "/p2p/peers/" + id, peerRecord(java.security.KeyPairGenerator
                    .getInstance("Ed25519").generateKeyPair(), id, 1, "10.9.0." + i)).status());
            if (i < 3) {
                api.fund(admin, "mixop-" + i, 100 + i * 1000); // the fourth has no stake
            }
        }
        assertEquals(403, api.post(operator, "/betanet/consensus", null).status());
        assertEquals(403, api.get(viewer, "/betanet/mixnodes").status());
        Reply published = api.post(admin, "/betanet/consensus", null);
        assertEquals(published.toString(), 201, published.status());

        Reply read = api.get(credential, "/betanet/consensus");
        assertEquals(read.toString(), 200, read.status());
        JsonNode consensus = read.json();
        assertEquals(published.json().get("epoch").asLong(), consensus.get("epoch").asLong());
        List<String> listed = new ArrayList<>();
        consensus.get("mixnodes").forEach(m -> listed.add(m.get("nodeId").asText()));
        assertTrue(listed.toString(), listed.containsAll(List.of("mixnode-0", "mixnode-1", "mixnode-2"))
                && !listed.contains("mixnode-3"));
        String key = api.get(viewer, "/betanet/signing-key").json().get("publicKey").asText();
        assertEquals(key, consensus.get("signingKey").asText());
        assertTrue("the consensus verifies with the published key", verifiesConsensus(consensus, key));
        ((com.fasterxml.jackson.databind.node.ObjectNode) consensus.get("mixnodes").get(0)).put("address",
                "tcp://6.6.6.6:1789");
        assertFalse("an altered consensus does not", verifiesConsensus(consensus, key));
        Reply candidates = api.get(admin, "/betanet/mixnodes");
        assertTrue(candidates.body(), candidates.body().contains("stake 0 below the minimum 100"));
        aSecretTaskIsPlacedWithACircuitAndAMixnetRouteOrWaits();
    }

    /**
     * SECRET end to end, over the consensus just published: a task waits while one mixnode is out of the consensus
     * and too few regions remain, and is placed with its full path (circuit and mixnet route through distinct regions)
     * once the next consensus lists enough mixnodes.
     */
    private void aSecretTaskIsPlacedWithACircuitAndAMixnetRouteOrWaits() {
        for (String id : List.of("a", "b", "c", "d", "e", "f", "g")) {
            assertEquals(201, api.post(admin, "/nodes", "{\"id\":\"secret-" + id + "\",\"type\":\"RELAY_NODE\","
                    + "\"region\":\"secret-" + id + "\",\"capacity\":{\"cpuCores\":1,\"memoryMb\":512,"
                    + "\"storageMb\":10,\"gpuCount\":0},\"onionCapable\":true,\"labels\":{\"operator\":"
                    + "\"secret-op-" + id + "\",\"onion.exit\":\"" + (id.compareTo("d") < 0) + "\"}}").status());
        }
        assertEquals(200, api.put(admin, "/nodes/mixnode-2/status", "{\"status\":\"MAINTENANCE\"}").status());
        assertEquals(201, api.post(admin, "/betanet/consensus", null).status()); // two mixnodes in two regions
        Reply waits = api.post(operator, "/tasks", "{\"id\":\"http-secret\",\"privacy\":\"SECRET\","
                + "\"requirements\":{\"cpuCores\":1,\"memoryMb\":64,\"storageMb\":0,\"gpu\":false}}");
        assertEquals(waits.toString(), 201, waits.status());
        assertEquals("PENDING", waits.json().get("status").asText());
        String message = api.get(operator, "/tasks/http-secret").json().get("message").asText();
        assertTrue(message, message.contains("no mixnet route") && message.contains("2 region(s)"));
        assertEquals("no circuit without its mixnet route", 404, api.get(operator, "/vpn/tasks/http-secret/path")
                .status());

        assertEquals(200, api.put(admin, "/nodes/mixnode-2/status", "{\"status\":\"ACTIVE\"}").status());
        assertEquals(201, api.post(admin, "/betanet/consensus", null).status()); // the waiting task is tried again
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode task = api.get(operator, "/tasks/http-secret").json();
        while (!task.get("status").asText().equals("ASSIGNED") && System.nanoTime() < until) {
            task = api.get(operator, "/tasks/http-secret").json(); // placed when the consensus event is handled
        }
        assertEquals(task.toString(), "ASSIGNED", task.get("status").asText());
        JsonNode path = api.get(operator, "/vpn/tasks/http-secret/path").json();
        assertEquals(path.toString(), "SECRET", path.get("requirement").get("level").asText());
        assertEquals(3, path.get("mixRoute").size());
        java.util.Set<String> regions = new java.util.HashSet<>();
        path.get("mixRoute").forEach(m -> regions.add(m.get("region").asText()));
        assertEquals(path.toString(), 3, regions.size());
        JsonNode circuit = api.get(operator, "/onion/circuits/" + path.get("circuitId").asText()).json();
        assertEquals(circuit.toString(), 5, circuit.get("hops").size());
        assertEquals("SECRET", circuit.get("level").asText());
        assertEquals(200, api.post(operator, "/tasks/http-secret/cancel", null).status());
        for (String id : List.of("a", "b", "c", "d", "e", "f", "g")) {
            api.delete(admin, "/nodes/secret-" + id); // the other tests count the relays they register
        }
    }

    /**
     * Peers relay opaque messages through the control plane: stored for their recipient only, a group's messages for
     * its members only, a full mailbox refused with 429 and nothing stored, receipts once acknowledged.
     */
    @Test
    public void peersRelayMessagesToTheirRecipientsAndGroupMembersOnlyWithinBoundedMailboxes() throws Exception {
        Map<String, String> credentials = new java.util.HashMap<>();
        for (String id : List.of("chat-a", "chat-b", "chat-c")) {
            String joinToken = api.post(admin, "/join-tokens", null).json().get("joinToken").asText();
            String credential = api.post(null, "/enroll", "{\"joinToken\":\"" + joinToken + "\",\"node\":"
                    + node(id, "chat", 1, 512) + "}").json().get("access_token").asText();
            credentials.put(id, credential);
            assertEquals(200, api.put(credential, "/p2p/peers/" + id, peerRecord(java.security.KeyPairGenerator
                    .getInstance("Ed25519").generateKeyPair(), id, 1, "10.8.0.1")).status());
        }
        String a = credentials.get("chat-a");
        String b = credentials.get("chat-b");
        String c = credentials.get("chat-c");
        assertEquals(403, api.post(viewer, "/bitchat/messages", "{\"to\":\"chat-b\",\"payload\":\"aGk=\"}")
                .status());
        Reply sent = api.post(a, "/bitchat/messages", "{\"to\":\"chat-b\",\"payload\":\"aGk=\",\"ttlSeconds\":60}");
        assertEquals(sent.toString(), 201, sent.status());
        String first = sent.json().get(0).get("id").asText();
        assertEquals(422, api.post(a, "/bitchat/messages", "{\"to\":\"chat-b\",\"payload\":\"%%%\"}").status());
        assertEquals(404, api.post(a, "/bitchat/messages", "{\"to\":\"nobody-here\",\"payload\":\"aGk=\"}")
                .status());

        Reply group = api.post(a, "/bitchat/groups", "{\"id\":\"chat-friends\",\"members\":[\"chat-b\"]}");
        assertEquals(group.toString(), 201, group.status());
        assertEquals("a non-member does not see the group", 404, api.get(c, "/bitchat/groups/chat-friends")
                .status());
        Reply fanOut = api.post(a, "/bitchat/messages", "{\"to\":\"group:chat-friends\",\"payload\":\"eW8=\"}");
        assertEquals(fanOut.toString(), 1, fanOut.json().size());
        assertEquals("chat-b", fanOut.json().get(0).get("recipient").asText());
        assertEquals(2, api.get(b, "/bitchat/inbox").json().size());
        assertEquals("nothing for a non-member", 0, api.get(c, "/bitchat/inbox").json().size());

        assertEquals(201, api.post(c, "/bitchat/messages", "{\"to\":\"chat-b\",\"payload\":\"aGk=\"}").status());
        Reply full = api.post(c, "/bitchat/messages", "{\"to\":\"chat-b\",\"payload\":\"aGk=\"}");
        assertEquals(full.toString(), 429, full.status());
        assertTrue(full.raw().headers().firstValue("Retry-After").isPresent());
        assertEquals("nothing stored beyond the bound", 3, api.get(b, "/bitchat/inbox").json().size());
        assertEquals(3, api.get(admin, "/bitchat/mailboxes").json().get("chat-b").asInt());
        assertEquals(403, api.get(viewer, "/bitchat/mailboxes").status());

        assertEquals("only the recipient acknowledges", 404, api.post(c, "/bitchat/messages/" + first + "/ack", null)
                .status());
        Reply ack = api.post(b, "/bitchat/messages/" + first + "/ack", null);
        assertEquals(ack.toString(), "DELIVERED", ack.json().get("status").asText());
        boolean delivered = false;
        for (JsonNode receipt : api.get(a, "/bitchat/receipts").json()) {
            delivered |= receipt.get("messageId").asText().equals(first)
                    && receipt.get("status").asText().equals("DELIVERED");
        }
        assertTrue("the sender's receipt says delivered", delivered);
        assertEquals(201, api.post(c, "/bitchat/messages", "{\"to\":\"chat-b\",\"payload\":\"aGk=\"}").status());
    }

    /** An operator registers a hidden service by proving they hold its key; clients resolve its address. */
    @Test
    public void aHiddenServiceIsRegisteredByWhoHoldsItsKeyAndResolvedByItsAddress() throws Exception {
        for (String id : List.of("a", "b", "c", "d")) {
            api.post(admin, "/nodes", "{\"id\":\"intro-" + id + "\",\"type\":\"RELAY_NODE\",\"region\":\"intro-"
                    + id + "\",\"capacity\":{\"cpuCores\":1,\"memoryMb\":512,\"storageMb\":10,\"gpuCount\":0},"
                    + "\"onionCapable\":true,\"labels\":{\"operator\":\"intro-op-" + id + "\",\"onion.exit\":\"true\"}}");
        }
        java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = key.getPublic().getEncoded();
        String publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(encoded,
                encoded.length - 32, encoded.length));
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(("fog-hidden-service/1\nhttp-shop\n" + publicKey + "\n").getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());

        Reply forged = api.post(operator, "/vpn/hidden-services", "{\"id\":\"http-shop\",\"publicKey\":\""
                + publicKey + "\",\"signature\":\"" + signature.replace(signature.charAt(5),
                signature.charAt(5) == 'A' ? 'B' : 'A') + "\"}");
        assertEquals(forged.toString(), 422, forged.status());
        assertEquals(403, api.post(viewer, "/vpn/hidden-services", "{\"id\":\"v\"}").status());
        Reply registered = api.post(operator, "/vpn/hidden-services", "{\"id\":\"http-shop\",\"publicKey\":\""
                + publicKey + "\",\"signature\":\"" + signature + "\"}");
        assertEquals(registered.toString(), 201, registered.status());
        String address = registered.json().get("onionAddress").asText();
        assertTrue(address, address.matches("[a-z2-7]{56}\\.onion"));
        assertEquals(3, registered.json().get("introductionPoints").size());
        assertEquals(409, api.post(operator, "/vpn/hidden-services", "{\"id\":\"http-shop\",\"publicKey\":\""
                + publicKey + "\",\"signature\":\"" + signature + "\"}").status());

        Reply resolved = api.get(viewer, "/vpn/onion/" + address);
        assertEquals(resolved.toString(), 200, resolved.status());
        assertFalse("a client learns the introduction points, not the owner", resolved.body().contains("operator1"));
        String payer = api.login("payer1", "payer-pass-1");
        assertEquals("who runs which service is private", 404, api.get(payer, "/vpn/hidden-services/http-shop")
                .status());
        assertEquals(404, api.delete(payer, "/vpn/hidden-services/http-shop").status());
        assertEquals(204, api.delete(operator, "/vpn/hidden-services/http-shop").status());
        assertEquals(404, api.get(viewer, "/vpn/onion/" + address).status());
        for (String id : List.of("a", "b", "c", "d")) {
            api.delete(admin, "/nodes/intro-" + id); // the other tests count the relays they register
        }
    }

    /** As a node verifies a consensus: the canonical lines of Consensus.signedBytes, the JDK's Ed25519. */
    private static boolean verifiesConsensus(JsonNode consensus, String rawKey) throws Exception {
        StringBuilder text = new StringBuilder("fog-mix-consensus/1\n").append(consensus.get("epoch").asLong())
                .append('\n').append(Instant.parse(consensus.get("validAfter").asText()).toEpochMilli()).append('\n')
                .append(Instant.parse(consensus.get("validUntil").asText()).toEpochMilli()).append('\n')
                .append(consensus.get("signingKey").asText()).append('\n');
        for (JsonNode m : consensus.get("mixnodes")) {
            text.append(String.join(" ", m.get("nodeId").asText(), m.get("address").asText(),
                    m.get("publicKey").asText(), m.get("version").asText(), m.get("region").asText(),
                    m.get("stake").asText(), six(m.get("reputation")), six(m.get("performance")),
                    six(m.get("weight")))).append('\n');
        }
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] encoded = java.util.Arrays.copyOf(prefix, 44);
        System.arraycopy(Base64.getUrlDecoder().decode(rawKey), 0, encoded, 12, 32);
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(encoded)));
        verifier.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getUrlDecoder().decode(consensus.get("signature").asText()));
    }

    private static String six(JsonNode decimal) {
        return decimal.decimalValue().setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** Polls until the path answers the status (or 30 s pass) and returns the last status. */
    private static int awaitStatus(String token, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int last;
        while ((last = api.get(token, path).status()) != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return last;
    }

    /** A peer record as a node agent signs it: the canonical lines of PeerRecord.signedBytes, Ed25519. */
    static String peerRecord(java.security.KeyPair key, String nodeId, long sequence, String host) throws Exception {
        byte[] encoded = key.getPublic().getEncoded();
        String publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(encoded,
                encoded.length - 32, encoded.length));
        Instant signedAt = Instant.parse("2026-12-07T10:00:00Z").plusSeconds(sequence);
        String canonical = "fog-peer-record/1\n" + nodeId + "\n" + publicKey + "\n" + sequence + "\n"
                + signedAt.toEpochMilli() + "\ntcp " + host + " 4001\n";
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(canonical.getBytes(StandardCharsets.UTF_8));
        return "{\"publicKey\":\"" + publicKey + "\",\"endpoints\":[{\"transport\":\"tcp\",\"host\":\"" + host
                + "\",\"port\":4001}],\"sequence\":" + sequence + ",\"signedAt\":\"" + signedAt + "\",\"signature\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()) + "\"}";
    }

    @Test
    public void openApiListsExactlyTheServedResources() {
        Reply document = api.get(null, "/openapi.json");
        assertEquals(200, document.status());
        TreeSet<String> described = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.json().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase() + " "
                    + path.getKey()));
        }
        TreeSet<String> expected = new TreeSet<>(List.of("GET /health", "GET /openapi.json", "POST /auth/token",
                "GET /harvest/devices", "GET /onion/circuits", "POST /onion/circuits", "GET /onion/circuits/{circuitId}",
                "DELETE /onion/circuits/{circuitId}", "GET /p2p/peers", "GET /p2p/peers/{nodeId}",
                "PUT /p2p/peers/{nodeId}", "DELETE /p2p/peers/{nodeId}", "GET /betanet/consensus",
                "POST /betanet/consensus", "GET /betanet/signing-key", "GET /betanet/mixnodes",
                "GET /vpn/policy", "GET /vpn/tasks/{taskId}/path", "GET /vpn/hidden-services",
                "POST /vpn/hidden-services", "GET /vpn/hidden-services/{serviceId}",
                "DELETE /vpn/hidden-services/{serviceId}", "GET /vpn/onion/{onionAddress}",
                "POST /bitchat/messages", "GET /bitchat/inbox", "POST /bitchat/messages/{messageId}/ack",
                "GET /bitchat/receipts", "POST /bitchat/groups", "GET /bitchat/groups/{groupId}",
                "PUT /bitchat/groups/{groupId}/members", "GET /bitchat/mailboxes", "GET /resources/memory",
                "GET /resources/monitor", "GET /resources/history", "GET /resources/alerts",
                "POST /profiles", "GET /profiles", "GET /profiles/{profileId}", "GET /profiles/{profileId}/recording",
                "GET /pools",
                "GET /deployments", "POST /deployments", "GET /deployments/{name}", "PUT /deployments/{name}",
                "DELETE /deployments/{name}", "POST /deployments/{name}/scale", "POST /deployments/{name}/resolve",
                "POST /deployments/{name}/report", "GET /deployments/cache/metrics", "POST /deployments/cache/clear",
                "POST /auth/refresh", "POST /auth/logout", "POST /join-tokens", "POST /enroll", "GET /nodes", "POST /nodes", "POST /nodes/batch",
                "GET /nodes/{nodeId}", "PUT /nodes/{nodeId}/status", "POST /nodes/{nodeId}/heartbeat",
                "DELETE /nodes/{nodeId}", "GET /nodes/{nodeId}/tasks", "GET /tasks", "POST /tasks",
                "GET /tasks/{taskId}", "GET /tasks/{taskId}/assignments", "POST /tasks/{taskId}/start",
                "POST /tasks/{taskId}/complete", "POST /tasks/{taskId}/fail", "POST /tasks/{taskId}/cancel",
                "GET /topology", "GET /topology/history", "GET /strategies", "PUT /strategies/default",
                "GET /scheduler", "GET /scheduler/strategies", "PUT /scheduler/strategies/default",
                "GET /scheduler/queue", "POST /scheduler/queue/flush",
                "GET /ledger/accounts", "POST /ledger/accounts", "GET /ledger/accounts/{accountId}",
                "POST /ledger/grants", "GET /ledger/reputation", "GET /ledger/reputation/{nodeId}",
                "GET /cache/metrics", "POST /cache/clear", "GET /lb/algorithms", "PUT /lb/default",
                "GET /circuits", "POST /circuits/{nodeId}/reset", "GET /scaling/events", "GET /services",
                "GET /services/dependencies", "GET /services/{service}", "POST /services/restart/{service}",
                "GET /services/health", "POST /services/health/check-now", "GET /services/metrics",
                "GET /orchestration/services", "GET /orchestration/dependencies", "GET /orchestration/service/{service}",
                "POST /orchestration/restart/{service}", "GET /orchestration/health",
                "POST /orchestration/health/check-now", "GET /orchestration/metrics", "GET /coordinator"));
        assertEquals(expected, described);
        // and each described operation is served: an unknown id gives 404 for the id, never "no such resource"
        for (String operation : described) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "zz-probe");
            if (method.equals("POST") && path.equals("/join-tokens")) {
                continue; // would issue a token; covered by the enrollment test
            }
            // logging out ends the session of the token it is called with: not the one the other tests share
            String token = path.equals("/auth/logout") ? api.login("admin", ADMIN_PASSWORD) : admin;
            Reply reply = api.send(token, method, path, method.equals("GET") || method.equals("DELETE") ? null
                    : "{\"zz\":1}", "application/json");
            assertNotEquals(operation + " is described but not served: " + reply, 405, reply.status());
            assertFalse(operation + " is described but not served: " + reply, reply.status() == 404
                    && reply.error().startsWith("no such resource"));
            assertTrue(operation + " answered " + reply, reply.status() < 500);
        }
    }

    @Test
    public void creditsAreGrantedOnceAndOnlyOperatorsAndAdminsSeeBalances() {
        assertEquals(201, api.post(admin, "/ledger/accounts", "{\"id\":\"http-alice\",\"kind\":\"SUBMITTER\"}")
                .status());
        String grant = "{\"key\":\"http-grant-1\",\"account\":\"http-alice\",\"credits\":12.5,\"memo\":\"hi\"}";
        assertEquals(201, api.post(admin, "/ledger/grants", grant).status());
        assertEquals("the same key grants once", 201, api.post(admin, "/ledger/grants", grant).status());
        Reply detail = api.get(operator, "/ledger/accounts/http-alice");
        assertEquals(detail.body(), 200, detail.status());
        assertEquals("12.5", detail.json().get("account").get("balance").asText());
        assertEquals(1, detail.json().get("journal").size());
        Reply accounts = api.get(operator, "/ledger/accounts");
        assertTrue(accounts.json().get("balanced").asBoolean());
        assertEquals(403, api.get(viewer, "/ledger/accounts").status());
        assertEquals(403, api.post(operator, "/ledger/grants", grant.replace("http-grant-1", "http-grant-2"))
                .status());
        Reply negative = api.post(admin, "/ledger/grants", "{\"account\":\"http-alice\",\"credits\":-1}");
        assertEquals(422, negative.status());
        assertEquals("credits", negative.json().get("field").asText());
        assertEquals(404, api.post(admin, "/ledger/grants", "{\"account\":\"nobody\",\"credits\":1}").status());
        assertEquals(422, api.post(admin, "/ledger/accounts", "{\"id\":\"x\",\"kind\":\"TREASURY\"}").status());
        assertEquals("12.5", api.get(admin, "/ledger/accounts/http-alice").json().get("account").get("balance")
                .asText());

        // reputation follows the coordinator's task events: a completed task is a success of its node
        assertEquals(201, api.post(admin, "/nodes", node("http-rep-node", "eu-north", 4, 4096)).status());
        assertEquals(100.0, api.get(viewer, "/ledger/reputation/http-rep-node").json().get("points").asDouble(), 0);
        assertEquals(201, api.post(admin, "/tasks", "{\"id\":\"http-rep-task\",\"strategy\":\"affinity\","
                + "\"requirements\":{\"cpuCores\":4,\"memoryMb\":64,\"storageMb\":0,\"gpu\":false}}").status());
        String placedOn = api.get(admin, "/tasks/http-rep-task").json().get("nodeId").asText();
        assertEquals(200, api.post(admin, "/tasks/http-rep-task/complete", null).status());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode rep = api.get(viewer, "/ledger/reputation/" + placedOn).json();
        while (rep.get("successes").asLong() < 1 && System.nanoTime() < until) {
            rep = api.get(viewer, "/ledger/reputation/" + placedOn).json(); // the event is delivered asynchronously
        }
        assertEquals(rep.toString(), 1, rep.get("successes").asLong());
        assertEquals(110.0, rep.get("points").asDouble(), 1e-6);
    }

    @Test
    public void aTaskHoldsItsCreditsPaysItsNodesOperatorOnceAndASubmitterWhoCannotPayIsRefused() {
        String pauper = api.login("pauper1", "pauper-pass-1");
        Reply refused = api.post(pauper, "/tasks", "{\"id\":\"http-unpaid\"}");
        assertEquals(refused.toString(), 422, refused.status());
        assertEquals("amount", refused.json().get("field").asText());
        assertTrue(refused.error(), refused.error().contains("account 'pauper1' cannot pay for task 'http-unpaid'")
                && refused.error().contains("fog:ledger-grant pauper1"));
        assertEquals("a refused task is not admitted", 404, api.get(admin, "/tasks/http-unpaid").status());
        assertEquals("0", api.get(admin, "/ledger/accounts/pauper1").json().get("account").get("balance").asText());

        // only this node fits the task: 100 cores at 36 credits per core-hour, paid into its operator's account
        assertEquals(201, api.post(admin, "/nodes", "{\"id\":\"http-bill-node\",\"type\":\"COMPUTE_NODE\","
                + "\"region\":\"bill\",\"capacity\":{\"cpuCores\":100,\"memoryMb\":4096,\"storageMb\":100,"
                + "\"gpuCount\":0},\"labels\":{\"operator\":\"http-acme\"},\"price\":{\"perCoreHour\":36,"
                + "\"perGpuHour\":0}}").status());
        // a submitter of its own, so that no other test's settlement moves its balance meanwhile
        String payer = api.login("payer1", "payer-pass-1");
        api.fund(admin, "payer1", 2000);
        BigDecimal before = balance("payer1");
        Reply submitted = api.post(payer, "/tasks", "{\"id\":\"http-billed\",\"requirements\":{\"cpuCores\":100,"
                + "\"memoryMb\":64,\"storageMb\":0,\"gpu\":false}}");
        assertEquals(submitted.toString(), 201, submitted.status());
        assertEquals("http-bill-node", submitted.json().get("nodeId").asText());
        // held: 100 cores × the default 10 credits per core-hour × 1 h
        assertEquals(0, before.subtract(new BigDecimal(1000)).compareTo(balance("payer1")));
        assertEquals(200, api.post(admin, "/tasks/http-billed/start", null).status());
        assertEquals(200, api.post(admin, "/tasks/http-billed/complete", null).status());
        assertEquals("a completion repeated is refused", 409,
                api.post(admin, "/tasks/http-billed/complete", null).status());

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((api.get(admin, "/ledger/accounts/http-acme").status() == 404 || balance("http-acme").signum() == 0)
                && System.nanoTime() < until) {
            Thread.onSpinWait(); // the settlement follows the completion's event
        }
        BigDecimal paid = balance("http-acme");
        assertTrue("the operator is paid for what ran: " + paid, paid.signum() > 0
                && paid.compareTo(new BigDecimal(1000)) <= 0);
        BigDecimal after = balance("payer1");
        assertEquals("the rest came back, nothing created, nothing lost: " + after + " + " + paid, 0,
                before.compareTo(after.add(paid)));
        assertTrue(api.get(admin, "/ledger/accounts").json().get("balanced").asBoolean());
    }

    @Test
    public void aTaskAskingForMoreReputationThanAnyNodeEarnedWaitsAndSaysWhy() {
        // nodes start at 0.5 whatever they declare; none has earned 0.95 here
        assertEquals(201, api.post(admin, "/nodes", node("http-novice", "rep-region", 4, 4096)).status());
        Reply waiting = api.post(operator, "/tasks", "{\"id\":\"http-careful\",\"requirements\":{\"cpuCores\":1,"
                + "\"memoryMb\":64,\"storageMb\":0,\"gpu\":false,\"minReputation\":0.95}}");
        assertEquals(waiting.toString(), 201, waiting.status());
        assertEquals("PENDING", waiting.json().get("status").asText());
        assertTrue(waiting.body(), waiting.json().get("message").asText().contains("reputation >= 0.95"));
        assertEquals(0.5, api.get(viewer, "/nodes/http-novice").json().get("reputation").asDouble(), 0);
        assertEquals(1, api.get(viewer, "/scheduler").json().get("queue").get("parked").get("NO_REPUTABLE_NODE")
                .asInt());
        Reply bad = api.post(operator, "/tasks", "{\"id\":\"http-bad-rep\",\"requirements\":{\"cpuCores\":1,"
                + "\"memoryMb\":64,\"storageMb\":0,\"gpu\":false,\"minReputation\":1.5}}");
        assertEquals(bad.toString(), 422, bad.status());
        assertEquals("requirements.minReputation", bad.json().get("field").asText());
        assertEquals(200, api.post(operator, "/tasks/http-careful/cancel", null).status());
    }

    @Test
    public void aTaskRunsOnlyInsideItsPlacementAndABadPlacementIsRefusedNamingTheField() {
        assertEquals(201, api.post(admin, "/nodes", node("placed-big", "placement-elsewhere", 64, 65536)).status());
        assertEquals(201, api.post(admin, "/nodes", node("placed-small", "placement-here", 2, 2048)).status());
        Reply placed = api.post(operator, "/tasks", "{\"id\":\"http-placed\",\"requirements\":{\"cpuCores\":1,"
                + "\"memoryMb\":64,\"storageMb\":0,\"gpu\":false},\"placement\":{\"regions\":[\"placement-here\"],"
                + "\"labels\":{\"tier\":\"edge\"}}}");
        assertEquals(placed.toString(), 201, placed.status());
        assertEquals("placed-small", placed.json().get("nodeId").asText());
        assertEquals("placement-here", placed.json().get("placement").get("regions").get(0).asText());
        Reply avoiding = api.post(operator, "/tasks", "{\"id\":\"http-avoiding\",\"requirements\":{\"cpuCores\":1,"
                + "\"memoryMb\":64,\"storageMb\":0,\"gpu\":false},\"placement\":{\"regions\":[\"placement-here\"],"
                + "\"avoidNodes\":[\"placed-small\"]}}");
        assertEquals("PENDING", avoiding.json().get("status").asText());
        assertTrue(avoiding.body(), avoiding.json().get("message").asText().contains("0 of them within the placement"));

        Reply bad = api.post(operator, "/tasks", "{\"id\":\"http-bad-placement\",\"placement\":{\"avoidNodes\":"
                + "[\"not an id\"]}}");
        assertEquals(bad.toString(), 422, bad.status());
        assertEquals("placement.avoidNodes", bad.json().get("field").asText());
        Reply unknown = api.post(operator, "/tasks", "{\"id\":\"http-bad-placement\",\"placement\":{\"zone\":\"x\"}}");
        assertEquals(unknown.toString(), 400, unknown.status());
        assertEquals(404, api.get(viewer, "/tasks/http-bad-placement").status());
        assertEquals(200, api.post(operator, "/tasks/http-avoiding/cancel", null).status());
        assertEquals(200, api.post(operator, "/tasks/http-placed/cancel", null).status());
    }

    @Test
    public void consistentHashRoutingKeepsAJobOnOneNodeAndLeastConnectionsRoutesToo() {
        for (String id : List.of("sticky-a", "sticky-b", "sticky-c")) {
            assertEquals(201, api.post(admin, "/nodes", node(id, "sticky-region", 16, 16384)).status());
        }
        String placement = "\"placement\":{\"regions\":[\"sticky-region\"]},\"requirements\":{\"cpuCores\":1,"
                + "\"memoryMb\":64,\"storageMb\":0,\"gpu\":false}";
        Set<String> nodes = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            Reply sticky = api.post(operator, "/tasks", "{\"id\":\"sticky-" + i + "\",\"jobId\":\"sticky-job\","
                    + "\"strategy\":\"consistent-hash\"," + placement + "}");
            assertEquals(sticky.toString(), 201, sticky.status());
            assertEquals("consistent-hash", sticky.json().get("routedBy").asText());
            nodes.add(sticky.json().get("nodeId").asText());
        }
        assertEquals("one job, one node: " + nodes, 1, nodes.size());
        Reply fewest = api.post(operator, "/tasks", "{\"id\":\"fewest-1\",\"strategy\":\"least-connections\","
                + placement + "}");
        assertEquals(fewest.toString(), 201, fewest.status());
        assertEquals("least-connections", fewest.json().get("routedBy").asText());
        assertNotEquals("not the node already running four tasks", nodes.iterator().next(),
                fewest.json().get("nodeId").asText());
        for (String id : List.of("sticky-0", "sticky-1", "sticky-2", "sticky-3", "fewest-1")) {
            assertEquals(200, api.post(operator, "/tasks/" + id + "/cancel", null).status());
        }
    }

    @Test
    public void aDeviceThatStartsDischargingIsDrainedAndOneOnALowBatteryIsCapped() {
        // a phone that opted in to harvest, idle on its charger at night
        assertEquals(201, api.post(admin, "/nodes", "{\"id\":\"http-phone\",\"type\":\"EDGE_DEVICE\",\"region\":"
                + "\"harvest-region\",\"capacity\":{\"cpuCores\":150,\"memoryMb\":4096,\"storageMb\":100,"
                + "\"gpuCount\":0},\"labels\":{\"harvest\":\"true\"}}").status());
        String idle = "{\"cpuPercent\":5,\"memoryPercent\":10,\"device\":{\"batteryPercent\":90,\"charging\":true,"
                + "\"cpuTemperatureC\":31.5,\"meteredNetwork\":false,\"userActive\":false,\"localHour\":23}}";
        Reply eligible = api.post(admin, "/nodes/http-phone/heartbeat", idle);
        assertEquals(eligible.toString(), 200, eligible.status());
        assertFalse(eligible.body(), eligible.json().get("allocation").hasNonNull("reason"));
        Reply placed = api.post(operator, "/tasks", "{\"id\":\"http-harvested\",\"requirements\":{\"cpuCores\":150,"
                + "\"memoryMb\":64,\"storageMb\":0,\"gpu\":false}}");
        assertEquals("http-phone", placed.json().get("nodeId").asText());

        // unplugged: no more work, and the reason says why
        Reply unplugged = api.post(admin, "/nodes/http-phone/heartbeat", idle.replace("\"charging\":true",
                "\"charging\":false"));
        JsonNode allocation = unplugged.json().get("allocation");
        assertTrue(allocation.toString(), allocation.get("drain").asBoolean()
                && allocation.get("reason").asText().contains("not charging"));
        assertEquals(0, allocation.get("cpuCores").asInt());
        assertEquals("its running task stays within the grace", "http-phone",
                api.get(admin, "/tasks/http-harvested").json().get("nodeId").asText());
        Reply waiting = api.post(operator, "/tasks", "{\"id\":\"http-harvest-waits\",\"requirements\":{"
                + "\"cpuCores\":1,\"memoryMb\":64,\"storageMb\":0,\"gpu\":false},\"preferredRegion\":\"harvest-region\"}");
        assertNotEquals("http-phone", waiting.json().path("nodeId").asText());
        Reply governed = api.get(viewer, "/harvest/devices");
        assertEquals(governed.toString(), 200, governed.status());
        JsonNode phone = null;
        for (JsonNode device : governed.json().get("devices")) {
            phone = device.get("nodeId").asText().equals("http-phone") ? device : phone;
        }
        assertTrue(governed.body(), phone != null && !phone.get("eligible").asBoolean()
                && phone.get("reason").asText().contains("not charging"));

        // a device that did not opt in is only capped by its battery: 20 % of 10 cores
        assertEquals(201, api.post(admin, "/nodes", "{\"id\":\"http-laptop\",\"type\":\"EDGE_DEVICE\",\"region\":"
                + "\"harvest-region\",\"capacity\":{\"cpuCores\":10,\"memoryMb\":16384,\"storageMb\":100,"
                + "\"gpuCount\":0}}").status());
        Reply low = api.post(admin, "/nodes/http-laptop/heartbeat", "{\"cpuPercent\":5,\"memoryPercent\":10,"
                + "\"device\":{\"batteryPercent\":8,\"charging\":false}}");
        assertEquals("LAPTOP", low.json().get("deviceClass").asText()); // a battery and 16 GB
        assertEquals(2, low.json().get("allocation").get("cpuCores").asInt());
        assertEquals(512, low.json().get("allocation").get("memoryMb").asInt());
        assertFalse(low.json().get("allocation").get("drain").asBoolean());
        Reply bad = api.post(admin, "/nodes/http-laptop/heartbeat", "{\"cpuPercent\":5,\"memoryPercent\":10,"
                + "\"device\":{\"batteryPercent\":101}}");
        assertEquals(bad.toString(), 422, bad.status());
        assertEquals("device.batteryPercent", bad.json().get("field").asText());
        assertFalse("only devices that opted in are governed", api.get(viewer, "/harvest/devices").body()
                .contains("http-laptop"));
        api.post(operator, "/tasks/http-harvested/cancel", null);
        api.post(operator, "/tasks/http-harvest-waits/cancel", null);
    }

    @Test
    public void aCircuitIsPlannedOverDistinctRegionsAndOperatorsKeptPrivateAndRebuiltWhenAHopGoesDown() {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            assertEquals(201, api.post(admin, "/nodes", "{\"id\":\"onion-" + id + "\",\"type\":\"RELAY_NODE\","
                    + "\"region\":\"onion-" + id + "\",\"capacity\":{\"cpuCores\":1,\"memoryMb\":512,"
                    + "\"storageMb\":10,\"gpuCount\":0},\"onionCapable\":true,\"labels\":{\"operator\":"
                    + "\"onion-op-" + id + "\",\"onion.exit\":\"" + (id.compareTo("c") < 0) + "\"}}").status());
        }
        Reply planned = api.post(operator, "/onion/circuits", "{\"level\":\"PRIVATE\"}");
        assertEquals(planned.toString(), 201, planned.status());
        JsonNode circuit = planned.json();
        String id = circuit.get("id").asText();
        assertEquals("operator1", circuit.get("client").asText());
        JsonNode hops = circuit.get("hops");
        assertEquals(3, hops.size());
        assertEquals("GUARD", hops.get(0).get("role").asText());
        assertEquals("EXIT", hops.get(2).get("role").asText());
        java.util.Set<String> regions = new java.util.HashSet<>();
        java.util.Set<String> operators = new java.util.HashSet<>();
        hops.forEach(h -> {
            regions.add(h.get("region").asText());
            operators.add(h.get("operator").asText());
        });
        assertEquals(hops.toString(), 3, regions.size());
        assertEquals(hops.toString(), 3, operators.size());

        // who uses which path is private: another user does not see it, a viewer sees no circuit at all
        assertEquals(200, api.get(operator, "/onion/circuits/" + id).status());
        assertEquals(200, api.get(admin, "/onion/circuits/" + id).status());
        String payer = api.login("payer1", "payer-pass-1");
        assertEquals(404, api.get(payer, "/onion/circuits/" + id).status());
        assertFalse(api.get(payer, "/onion/circuits").body().contains(id));
        assertEquals(403, api.get(viewer, "/onion/circuits").status());
        assertEquals(404, api.delete(payer, "/onion/circuits/" + id).status());

        // bad requests change nothing
        assertEquals(422, api.post(operator, "/onion/circuits", "{\"level\":\"PUBLIC\"}").status());
        Reply floor = api.post(operator, "/onion/circuits", "{\"level\":\"PRIVATE\",\"minReputation\":2}");
        assertEquals(floor.toString(), 422, floor.status());
        assertEquals("minReputation", floor.json().get("field").asText());
        Reply other = api.post(operator, "/onion/circuits", "{\"level\":\"PRIVATE\",\"client\":\"someone\"}");
        assertEquals(other.toString(), 403, other.status());
        Reply impossible = api.post(operator, "/onion/circuits", "{\"level\":\"PRIVATE\",\"minReputation\":0.99}");
        assertEquals(impossible.toString(), 409, impossible.status());
        assertTrue(impossible.error(), impossible.error().startsWith("no privacy path"));

        // a hop taken out of service: the circuit is rebuilt without it
        String middle = hops.get(1).get("nodeId").asText();
        assertEquals(200, api.put(admin, "/nodes/" + middle + "/status", "{\"status\":\"MAINTENANCE\"}").status());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode rebuilt = api.get(operator, "/onion/circuits/" + id).json();
        while (rebuilt.get("generation").asInt() == 0 && System.nanoTime() < until) {
            rebuilt = api.get(operator, "/onion/circuits/" + id).json(); // the node's event is handled off its thread
        }
        assertEquals(rebuilt.toString(), 1, rebuilt.get("generation").asInt());
        assertFalse(rebuilt.toString(), rebuilt.get("hops").toString().contains("\"" + middle + "\""));
        assertEquals(204, api.delete(operator, "/onion/circuits/" + id).status());
        assertEquals(404, api.get(operator, "/onion/circuits/" + id).status());

        // a CONFIDENTIAL task needs an onion node and a 5-hop circuit to it through five others: with the middle in
        // maintenance there are four, so it waits for a privacy path
        Reply waits = api.post(operator, "/tasks", "{\"id\":\"http-confidential\",\"privacy\":\"CONFIDENTIAL\","
                + "\"requirements\":{\"cpuCores\":1,\"memoryMb\":64,\"storageMb\":0,\"gpu\":false}}");
        assertEquals(waits.toString(), 201, waits.status());
        assertEquals("PENDING", waits.json().get("status").asText());
        assertTrue(waits.body(), api.get(operator, "/tasks/http-confidential").json().get("message").asText()
                .startsWith("no privacy path"));
        // back from maintenance, and one more relay: six onion nodes, the task goes out with its circuit
        assertEquals(200, api.put(admin, "/nodes/" + middle + "/status", "{\"status\":\"ACTIVE\"}").status());
        assertEquals(201, api.post(admin, "/nodes", "{\"id\":\"onion-f\",\"type\":\"RELAY_NODE\","
                + "\"region\":\"onion-f\",\"capacity\":{\"cpuCores\":1,\"memoryMb\":512,\"storageMb\":10,"
                + "\"gpuCount\":0},\"onionCapable\":true,\"labels\":{\"operator\":\"onion-op-f\"}}").status());
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode task = api.get(operator, "/tasks/http-confidential").json();
        while (!task.get("status").asText().equals("ASSIGNED") && System.nanoTime() < until) {
            task = api.get(operator, "/tasks/http-confidential").json(); // placed on the next queue round
        }
        assertEquals(task.toString(), "ASSIGNED", task.get("status").asText());
        JsonNode ofTask = null;
        for (JsonNode c : api.get(operator, "/onion/circuits").json()) {
            ofTask = "http-confidential".equals(c.path("taskId").asText()) ? c : ofTask;
        }
        assertNotNull("the task's circuit, planned for its submitter", ofTask);
        assertEquals(5, ofTask.get("hops").size());
        assertFalse("never through the task's own node", ofTask.get("hops").toString()
                .contains("\"" + task.get("nodeId").asText() + "\""));
        String taskCircuit = ofTask.get("id").asText();
        Reply path = api.get(operator, "/vpn/tasks/http-confidential/path");
        assertEquals(path.toString(), 200, path.status());
        assertEquals(taskCircuit, path.json().get("circuitId").asText());
        assertEquals("the policy's floor for CONFIDENTIAL hops, as configured here", 0.5,
                path.json().get("requirement").get("minReputation").asDouble(), 0);
        assertEquals("another user does not see whose path it is", 404,
                api.get(api.login("payer1", "payer-pass-1"), "/vpn/tasks/http-confidential/path").status());
        assertEquals(200, api.post(operator, "/tasks/http-confidential/cancel", null).status());
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (api.get(operator, "/onion/circuits/" + taskCircuit).status() != 404 && System.nanoTime() < until) {
            Thread.onSpinWait(); // closed when the task's end event is handled
        }
        assertEquals(404, api.get(operator, "/onion/circuits/" + taskCircuit).status());
    }

    private static BigDecimal balance(String account) {
        return new BigDecimal(api.get(admin, "/ledger/accounts/" + account).json().get("account").get("balance")
                .asText());
    }

    // --- authentication and roles ------------------------------------------------------------------------------

    @Test
    public void noDefaultCredentialsAndWrongPasswordsAreRefused() {
        assertEquals(401, api.post(null, "/auth/token", "{\"username\":\"karaf\",\"password\":\"karaf\"}").status());
        assertEquals(401, api.post(null, "/auth/token", "{\"username\":\"admin\",\"password\":\"admin\"}").status());
        assertEquals(401, api.post(null, "/auth/token", "{\"username\":\"admin\",\"password\":\"\"}").status());
        assertEquals(401, api.get("not-a-token", "/nodes").status());
        assertEquals(401, api.get(null, "/nodes").status());
    }

    @Test
    public void theFirstAdminAlsoOpensTheShellAndKarafKarafDoesNot() throws Exception {
        List<String> adminShell = new ArrayList<>();
        karaf.clientAs("admin", ADMIN_PASSWORD, List.of("fog:strategy-list"), adminShell::add);
        assertTrue("admin's shell output: " + adminShell, adminShell.stream().anyMatch(l -> l.contains(
                "least-loaded")));
        List<String> karafKaraf = new ArrayList<>();
        karaf.clientAs("karaf", "karaf", List.of("fog:strategy-list"), karafKaraf::add);
        assertFalse("karaf/karaf got a shell: " + karafKaraf, karafKaraf.stream().anyMatch(l -> l.contains(
                "least-loaded")));
        List<String> viewerShell = new ArrayList<>();
        karaf.clientAs("viewer1", "viewer-pass-1", List.of("fog:node-register -c 1 shell-viewer-node"),
                viewerShell::add);
        // viewers have no shell at all (no role ssh): the login itself is refused
        assertTrue("viewer's shell output: " + viewerShell, viewerShell.stream().anyMatch(l -> l.contains(
                "No more authentication methods available")));
        assertEquals(404, api.get(admin, "/nodes/shell-viewer-node").status());
    }

    @Test
    public void anonymousAndWrongRoleMutationsChangeNothing() {
        int before = nodeCount();
        assertEquals(401, api.post(null, "/nodes", node("anon-n", "eu-west", 1, 512)).status());
        assertEquals(403, api.post(viewer, "/nodes", node("viewer-n", "eu-west", 1, 512)).status());
        assertEquals(403, api.post(operator, "/nodes", node("operator-n", "eu-west", 1, 512)).status());
        assertEquals(403, api.post(viewer, "/tasks", "{\"id\":\"viewer-t\"}").status());
        assertEquals(401, api.post(null, "/tasks", "{\"id\":\"anon-t\"}").status());
        assertEquals(403, api.put(operator, "/strategies/default", "{\"name\":\"affinity\"}").status());
        assertEquals(403, api.post(operator, "/join-tokens", null).status());
        assertEquals(before, nodeCount());
        assertEquals(404, api.get(viewer, "/tasks/viewer-t").status());
        assertEquals(404, api.get(viewer, "/tasks/anon-t").status());
        assertEquals("least-loaded", api.get(viewer, "/strategies").json().get("defaultName").asText());
    }

    @Test
    public void forgedExpiredAndForeignTokensAreRefused() throws Exception {
        byte[] key = Files.readAllBytes(karaf.home().resolve("data/fog/token-signing.key"));
        long now = Instant.now().getEpochSecond();
        // the admin's current credential version and session, as a real token of this runtime carries them
        JsonNode real = Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(admin.split("\\.")[1]));
        String claims = "\"sub\":\"admin\",\"roles\":[\"admin\"],\"kind\":\"access\",\"ver\":" + real.get("ver")
                + ",\"sid\":" + real.get("sid") + ",\"iat\":" + now + ",\"jti\":\"" + UUID.randomUUID() + "\"";
        String valid = jwt(key, "HS256", "{\"iss\":\"fog-compute\",\"aud\":\"fog-api\",\"exp\":" + (now + 600) + ","
                + claims + "}");
        assertEquals("a correctly signed token is accepted, so the refusals below are about their claims", 200,
                api.get(valid, "/nodes").status());
        assertEquals(401, api.get(jwt(key, "HS256", "{\"iss\":\"fog-compute\",\"aud\":\"fog-api\",\"exp\":"
                + (now - 5) + "," + claims + "}"), "/nodes").status());
        assertEquals(401, api.get(jwt(key, "HS256", "{\"iss\":\"someone-else\",\"aud\":\"fog-api\",\"exp\":"
                + (now + 600) + "," + claims + "}"), "/nodes").status());
        assertEquals(401, api.get(jwt(key, "HS256", "{\"iss\":\"fog-compute\",\"aud\":\"other-api\",\"exp\":"
                + (now + 600) + "," + claims + "}"), "/nodes").status());
        assertEquals(401, api.get(jwt("another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8),
                "HS256", "{\"iss\":\"fog-compute\",\"aud\":\"fog-api\",\"exp\":" + (now + 600) + "," + claims + "}"),
                "/nodes").status());
        assertEquals(401, api.get(jwt(key, "HS384", "{\"iss\":\"fog-compute\",\"aud\":\"fog-api\",\"exp\":"
                + (now + 600) + "," + claims + "}"), "/nodes").status());
        String unsigned = b64("{\"typ\":\"JWT\",\"alg\":\"none\"}") + "." + b64("{\"iss\":\"fog-compute\","
                + "\"aud\":\"fog-api\",\"exp\":" + (now + 600) + "," + claims + "}") + ".";
        assertEquals(401, api.get(unsigned, "/nodes").status());
    }

    @Test
    public void nodeEnrollsWithASingleUseJoinTokenAndActsOnlyForItself() throws Exception {
        Reply issued = api.post(admin, "/join-tokens", null);
        assertEquals(issued.toString(), 201, issued.status());
        String joinToken = issued.json().get("joinToken").asText();

        Reply rejected = api.post(null, "/enroll", "{\"joinToken\":\"" + joinToken + "\",\"node\":{\"id\":\"bad id\","
                + "\"type\":\"EDGE_DEVICE\",\"capacity\":{\"cpuCores\":1,\"memoryMb\":512,\"storageMb\":100,"
                + "\"gpuCount\":0}}}");
        assertEquals("an invalid registration is refused and leaves the join token usable", 422, rejected.status());
        // the only node with a GPU in this distribution, so that a GPU task lands on it
        Reply enrolled = api.post(null, "/enroll", "{\"joinToken\":\"" + joinToken + "\",\"node\":"
                + node("enrolled-n1", "eu-central", 2, 1024).replace("\"gpuCount\":0", "\"gpuCount\":1") + "}");
        assertEquals(enrolled.toString(), 201, enrolled.status());
        String credential = enrolled.json().get("access_token").asText();
        assertEquals("enrolled-n1", enrolled.json().get("node").get("id").asText());

        Reply reused = api.post(null, "/enroll", "{\"joinToken\":\"" + joinToken + "\",\"node\":"
                + node("enrolled-n2", "eu-central", 2, 1024) + "}");
        assertEquals("a join token works once", 401, reused.status());
        assertEquals(404, api.get(viewer, "/nodes/enrolled-n2").status());

        assertEquals(200, api.post(credential, "/nodes/enrolled-n1/heartbeat", "{\"cpuPercent\":5,"
                + "\"memoryPercent\":5}").status());
        assertEquals(200, api.get(credential, "/nodes/enrolled-n1").status());
        assertEquals(200, api.get(credential, "/nodes/enrolled-n1/tasks").status());
        api.post(admin, "/nodes", node("someone-else", "eu-central", 1, 512));
        assertEquals(403, api.post(credential, "/nodes/someone-else/heartbeat", "{\"cpuPercent\":5,"
                + "\"memoryPercent\":5}").status());
        assertEquals(403, api.get(credential, "/nodes/someone-else").status());
        assertEquals(403, api.get(credential, "/nodes").status());
        assertEquals(403, api.post(credential, "/tasks", "{\"id\":\"node-made\"}").status());
        assertEquals(403, api.delete(credential, "/nodes/enrolled-n1").status());

        // a node reports results for its own tasks only
        Reply own = api.post(operator, "/tasks", "{\"id\":\"for-enrolled\",\"requirements\":{\"cpuCores\":1,"
                + "\"memoryMb\":256,\"storageMb\":10,\"gpu\":true}}");
        assertEquals(own.toString(), "enrolled-n1", own.json().get("nodeId").asText());
        String otherTask = "other-" + UUID.randomUUID().toString().substring(0, 6);
        api.put(admin, "/nodes/enrolled-n1/status", "{\"status\":\"MAINTENANCE\"}");
        Reply other = api.post(operator, "/tasks", "{\"id\":\"" + otherTask + "\"}");
        api.put(admin, "/nodes/enrolled-n1/status", "{\"status\":\"ACTIVE\"}");
        assertNotEquals("enrolled-n1", other.json().path("nodeId").asText());
        assertEquals(200, api.get(credential, "/tasks/for-enrolled").status());
        assertEquals(200, api.post(credential, "/tasks/for-enrolled/start", null).status());
        assertEquals(200, api.post(credential, "/tasks/for-enrolled/complete", null).status());
        assertEquals(403, api.post(credential, "/tasks/" + otherTask + "/complete", null).status());
        assertEquals(403, api.get(credential, "/tasks/" + otherTask).status());
        assertEquals(403, api.post(credential, "/tasks/" + otherTask + "/cancel", null).status());

        // an unused join token expires (5 s in this distribution's configuration)
        Reply shortLived = api.post(admin, "/join-tokens", null);
        Instant expiresAt = Instant.parse(shortLived.json().get("expiresAt").asText());
        while (Instant.now().isBefore(expiresAt.plusMillis(200))) {
            Thread.sleep(100);
        }
        Reply expired = api.post(null, "/enroll", "{\"joinToken\":\"" + shortLived.json().get("joinToken").asText()
                + "\",\"node\":" + node("too-late", "eu-central", 1, 512) + "}");
        assertEquals(401, expired.status());
        assertTrue(expired.error(), expired.error().contains("expired"));
        assertEquals(404, api.get(viewer, "/nodes/too-late").status());
    }

    // --- bad input ---------------------------------------------------------------------------------------------

    @Test
    public void eachClassOfBadInputGetsItsStatusAndChangesNothing() {
        int before = nodeCount();
        expect(400, null, api.post(admin, "/nodes", "{\"id\":\"x1\","));
        expect(400, "reputation", api.post(admin, "/nodes", node("x2", "eu-west", 1, 512)
                .replaceFirst("\\{", "{\"reputation\":0.1,")));
        expect(400, "capacity.cpuCores", api.post(admin, "/nodes", node("x3", "eu-west", 1, 512)
                .replace("\"cpuCores\":1", "\"cpuCores\":\"many\"")));
        expect(400, "capacity.cpuCores", api.post(admin, "/nodes", node("x4", "eu-west", 1, 512)
                .replace("\"cpuCores\":1", "\"cpuCores\":1.5")));
        expect(422, "capacity.cpuCores", api.post(admin, "/nodes", node("x5", "eu-west", 1, 512)
                .replace("\"cpuCores\":1", "\"cpuCores\":-3")));
        expect(400, null, api.post(admin, "/nodes", node("x6", "eu-west", 1, 512)
                .replace("\"memoryMb\":512", "\"memoryMb\":99999999999999999999999")));
        expect(422, "id", api.post(admin, "/nodes", node("bad/id<script>", "eu-west", 1, 512)));
        expect(422, "nodeId", api.get(admin, "/nodes/" + "x".repeat(200)));
        expect(404, null, api.get(admin, "/nodes/no-such-node"));
        expect(404, null, api.delete(admin, "/nodes/no-such-node"));
        api.post(admin, "/nodes", node("dup-n", "eu-west", 1, 512));
        int withDuplicate = nodeCount();
        expect(409, null, api.post(admin, "/nodes", node("dup-n", "eu-west", 1, 512)));
        expect(409, null, api.post(admin, "/nodes/batch", "{\"nodes\":[" + node("x7", "eu-west", 1, 512) + ","
                + node("dup-n", "eu-west", 1, 512) + "]}"));
        assertEquals(404, api.get(admin, "/nodes/x7").status());
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            labels.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        expect(422, "labels", api.post(admin, "/nodes", node("x8", "eu-west", 1, 512)
                .replace("\"labels\":{\"tier\":\"edge\"}", "\"labels\":" + labels + "}")));
        String huge = node("x9", "eu-west", 1, 512).replace("\"region\":\"eu-west\"", "\"region\":\""
                + "a".repeat(1024 * 1024) + "\"");
        expect(413, null, api.post(admin, "/nodes", huge));
        expect(415, null, api.send(admin, "POST", "/nodes", node("x10", "eu-west", 1, 512), "text/plain"));
        expect(400, "limit", api.get(admin, "/nodes?limit=abc"));
        expect(422, "limit", api.get(admin, "/nodes?limit=0"));
        expect(422, "status", api.get(admin, "/nodes?status=SLEEPING"));
        expect(400, "colour", api.get(admin, "/nodes?colour=red"));
        expect(400, null, api.post(admin, "/nodes", "[1,2,3]"));
        expect(400, null, api.post(admin, "/nodes", ""));
        expect(400, null, api.post(admin, "/nodes", "null"));
        expect(422, "priority", api.post(operator, "/tasks", "{\"id\":\"bad-priority\",\"priority\":11}"));
        expect(422, "strategy", api.post(operator, "/tasks", "{\"id\":\"bad-strategy\",\"strategy\":\"nope\"}"));
        expect(405, null, api.send(admin, "PATCH", "/nodes", "{}", "application/json"));
        expect(404, null, api.get(admin, "/no-such-thing"));
        assertEquals(withDuplicate, nodeCount());
        assertEquals(before + 1, nodeCount());
        assertEquals(404, api.get(admin, "/tasks/bad-priority").status());
    }

    @Test
    public void fuzzedRequestsNeverCauseServerErrorsNorChanges() {
        JsonNode nodesBefore = withoutStatus(api.get(admin, "/nodes?limit=10000").json().get("items"));
        int tasksBefore = api.get(admin, "/tasks?limit=10000").json().get("total").asInt();
        List<String> existing = new ArrayList<>();
        nodesBefore.forEach(n -> existing.add(n.get("id").asText()));
        RequestFuzzer fuzzer = new RequestFuzzer(20_261_125L, existing);
        int sent = 0;
        List<String> serverErrors = new ArrayList<>();
        List<String> notJson = new ArrayList<>();
        for (int i = 0; i < FUZZED; i++) {
            RequestFuzzer.Request request = fuzzer.next();
            Reply reply;
            try {
                reply = send(request);
            } catch (AssertionError connectionClosed) {
                // An oversized body is refused before it is read and the connection closed; the client may see
                // the close before the 413. Any other request is retried once on a fresh connection.
                boolean oversized = request.body() != null && request.body().length() > 1024 * 1024;
                if (oversized) {
                    sent++;
                    continue;
                }
                reply = send(request);
            }
            sent++;
            if (reply.status() >= 500) {
                serverErrors.add(request + " -> " + reply);
            }
            if (reply.json() == null && !rejectedByJettyItself(request)) {
                notJson.add(request + " -> " + reply);
            }
            assertTrue("accepted a malformed request " + request + " -> " + reply, reply.status() >= 400);
        }
        assertEquals(FUZZED, sent);
        assertEquals("responses >= 500: " + serverErrors, List.of(), serverErrors);
        assertEquals("errors that are not the API's JSON: " + notJson, List.of(), notJson);
        assertEquals(nodesBefore, withoutStatus(api.get(admin, "/nodes?limit=10000").json().get("items")));
        assertEquals(tasksBefore, api.get(admin, "/tasks?limit=10000").json().get("total").asInt());
    }

    private static Reply send(RequestFuzzer.Request request) {
        if (request.bytes()) {
            return api.sendBytes(admin, request.method(), request.path(),
                    request.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), request.contentType());
        }
        return api.send(admin, request.method(), request.path(), request.body(), request.contentType());
    }

    /**
     * Requests that are not the API's: a path whose dot segments climb out of /api is another site's. (A NUL in the
     * path, which Jetty refuses before any servlet, gets the API's JSON error too: see the jetty-errors fragment.)
     */
    private static boolean rejectedByJettyItself(RequestFuzzer.Request request) {
        String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?'))
                : request.path();
        String resolved = URI.create("/api" + path.replace("%00", "").replaceAll("(?i)%2e", ".")).normalize()
                .getPath();
        return !resolved.startsWith("/api/");
    }

    @Test
    public void rateLimitAnswers429WithRetryAfter() throws Exception {
        Reply limited = null;
        for (int i = 0; i < 500 && limited == null; i++) {
            Reply reply = api.get(null, "/health");
            if (reply.status() == 429) {
                limited = reply;
            }
        }
        assertNotNull("no 429 after 500 rapid anonymous requests", limited);
        String retryAfter = limited.raw().headers().firstValue("Retry-After").orElse(null);
        assertNotNull("429 carries Retry-After", retryAfter);
        assertTrue(Integer.parseInt(retryAfter) >= 1);
        // the limit is per client: an authenticated user is not affected by the anonymous bucket
        assertEquals(200, api.get(viewer, "/nodes").status());
        // Wait as a client told Retry-After would, plus the time to refill the burst (40 at 20/s) that the other
        // tests' anonymous calls (logins, enrollments) need from this address.
        Thread.sleep(Integer.parseInt(retryAfter) * 1000L + 2000L);
        assertEquals("the bucket refilled after Retry-After", 200, api.get(null, "/health").status());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void expect(int status, String field, Reply reply) {
        assertEquals(reply.toString(), status, reply.status());
        assertNotNull("error body: " + reply, reply.error());
        if (field != null) {
            assertEquals(reply.toString(), field, reply.field());
        }
    }

    /** Nodes as registered and last reported; the status is left out as liveness may change it meanwhile. */
    private static JsonNode withoutStatus(JsonNode nodes) {
        JsonNode copy = nodes.deepCopy();
        copy.forEach(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("status"));
        return copy;
    }

    private static int nodeCount() {
        Reply nodes = api.get(admin, "/nodes?limit=1");
        assertEquals(nodes.toString(), 200, nodes.status());
        return nodes.json().get("total").asInt();
    }

    static String node(String id, String region, int cpus, int memoryMb) {
        return "{\"id\":\"" + id + "\",\"type\":\"EDGE_DEVICE\",\"region\":\"" + region + "\",\"capacity\":{"
                + "\"cpuCores\":" + cpus + ",\"memoryMb\":" + memoryMb + ",\"storageMb\":1000,\"gpuCount\":0},"
                + "\"labels\":{\"tier\":\"edge\"}}";
    }

    private static String jwt(byte[] key, String algorithm, String claims) throws Exception {
        String signingInput = b64("{\"typ\":\"JWT\",\"alg\":\"" + algorithm + "\"}") + "." + b64(claims);
        String javaName = "Hmac" + algorithm.replace("HS", "SHA");
        Mac mac = Mac.getInstance(javaName);
        mac.init(new SecretKeySpec(key, javaName));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
                signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
