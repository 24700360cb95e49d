package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The distribution boots every fog component, and the fog:* commands work end to end. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FogRuntimeIT extends FogTestSupport {

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected org.fogcompute.api.cache.CacheService cacheService;

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected ServiceComponentRuntime scr;

    @Test
    public void everyFogBundleIsActiveAndEveryComponentIsSatisfied() {
        List<String> problems = new ArrayList<>();
        int fogBundles = 0;
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getState() == Bundle.INSTALLED) {
                problems.add("unresolved bundle " + bundle.getSymbolicName());
            }
            if (bundle.getSymbolicName().startsWith("org.fogcompute.")) {
                fogBundles++;
                boolean fragment = (bundle.adapt(org.osgi.framework.wiring.BundleRevision.class).getTypes()
                        & org.osgi.framework.wiring.BundleRevision.TYPE_FRAGMENT) != 0;
                if (fragment) {
                    // a fragment is never started: it must be resolved, attached to its host
                    org.osgi.framework.wiring.BundleWiring wiring = bundle.adapt(
                            org.osgi.framework.wiring.BundleWiring.class);
                    if (wiring == null || wiring.getRequiredWires("osgi.wiring.host").isEmpty()) {
                        problems.add("fragment " + bundle.getSymbolicName() + " is not attached to its host");
                    }
                } else if (bundle.getState() != Bundle.ACTIVE) {
                    problems.add(bundle.getSymbolicName() + " is in state " + bundle.getState());
                }
            }
        }
        int components = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("org.fogcompute.")) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                components++;
                if (configuration.state != ComponentConfigurationDTO.ACTIVE
                        && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(description.name + " is in state " + configuration.state);
                }
            }
        }
        assertEquals("problems: " + problems, List.of(), problems);
        assertEquals("api, pools, coordinator, routing, scheduler, edge, harvest, onion, p2p, betanet, vpn, bitchat, "
                + "metrics, resources, profiler, deployments, simulator, orchestration, persistence, ledger, billing, "
                + "cache, balancer, security, rest, jetty-errors, shell, console-guard, webconsole", 29, fogBundles);
        assertTrue("expected the coordinator, registry, dispatcher, 5 strategies, simulator, store; got "
                + components, components >= 10);
    }

    @Test
    public void bootLogHasNoErrors() throws Exception {
        Path log = Paths.get(System.getProperty("karaf.data"), "log", "karaf.log");
        List<String> errors = Files.readAllLines(log).stream().filter(line -> line.contains("| ERROR |")).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    public void registryMutationsArePublishedOnEventAdmin() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "fog/node/*");
        ServiceRegistration<EventHandler> handler =
                bundleContext.registerService(EventHandler.class, events::add, properties);
        try {
            execute("fog:node-register event-node");
            Event registered = events.poll(10, TimeUnit.SECONDS);
            assertNotNull("no event within 10 s", registered);
            assertEquals("fog/node/REGISTERED", registered.getTopic());
            assertEquals("event-node", registered.getProperty("node.id"));
            assertEquals("coordinator-1", registered.getProperty("coordinator.id"));
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void operatorRegistersNodesSubmitsTasksAndWatchesThemRouted() throws Exception {
        assertTrue(execute("fog:node-register -c 4 -m 8192 -r eu-west shell-big").contains("Registered node shell-big"));
        execute("fog:node-register -c 1 -m 512 -t EDGE_DEVICE shell-small");
        execute("fog:node-register -c 2 -m 2048 -g 1 shell-gpu");

        String list = execute("fog:node-list");
        assertTrue(list, list.contains("shell-big") && list.contains("EDGE_DEVICE") && list.contains("STATUS"));
        String plain = execute("fog:node-list --no-format --type EDGE_DEVICE");
        assertTrue(plain, plain.contains("shell-small") && !plain.contains("shell-big") && !plain.contains("STATUS"));

        assertTrue(execute("fog:task-submit --id shell-gpu-task --gpu").contains("ASSIGNED to shell-gpu"));
        String pending = execute("fog:task-submit --id shell-huge -c 64 -m 65536");
        assertTrue(pending, pending.contains("PENDING") && pending.contains("no eligible node"));

        String tasks = execute("fog:task-list");
        assertTrue(tasks, tasks.contains("shell-gpu-task") && tasks.contains("ASSIGNED") && tasks.contains("PENDING"));
        assertTrue(execute("fog:task-info shell-huge").contains("64 cpu"));

        execute("fog:task-start shell-gpu-task");
        assertTrue(execute("fog:task-complete shell-gpu-task").contains("COMPLETED"));
        assertTrue(execute("fog:task-cancel shell-huge").contains("CANCELLED"));

        String database = execute("fog:db-info");
        assertTrue(database, database.contains("Apache Derby") && database.contains("Schema version")
                && database.matches("(?s).*Unfinished tasks\\s*\\|\\s*\\d+.*"));

        String topology = execute("fog:topology");
        assertTrue(topology, topology.contains("Nodes") && topology.contains("CPU free/total"));
        assertTrue(execute("fog:node-info shell-big").contains("eu-west"));
        assertTrue(execute("fog:node-status shell-small MAINTENANCE").contains("MAINTENANCE"));
        assertTrue(execute("fog:node-remove shell-small").contains("Removed node shell-small"));
    }

    @Test
    public void commandAclsLetEachRoleRunOnlyItsCommands() throws Exception {
        assertTrue(executeAs("viewer", "fog:node-list").contains("ID"));
        assertTrue(executeAs("viewer", "fog:strategy-list").contains("least-loaded"));
        for (String mutation : List.of("fog:node-register acl-viewer", "fog:task-submit", "fog:strategy-set affinity",
                "fog:node-token")) {
            assertThrowsCommandNotFound("viewer", mutation);
        }
        assertTrue(executeAs("operator", "fog:task-submit --id acl-operator-task").contains("acl-operator-task"));
        assertThrowsCommandNotFound("operator", "fog:node-register acl-operator");
        assertThrowsCommandNotFound("operator", "fog:node-token");
        assertTrue(execute("fog:node-token").contains("fjt_"));
        assertTrue(executeExpectingError("fog:node-info acl-viewer").contains("unknown node"));
    }

    private void assertThrowsCommandNotFound(String role, String command) throws Exception {
        try {
            executeAs(role, command);
            throw new AssertionError(role + " could run " + command);
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(role + " running " + command + ": " + e.getCause(),
                    e.getCause().getMessage().contains("Command not found"));
        }
    }

    @Test
    public void deploymentsFromASpecFileAreUpdatedResolvedAndDeletedFromTheShell() throws Exception {
        execute("fog:node-register -c 8 -m 8192 --region shell-deploy shell-deploy-a");
        execute("fog:node-register -c 8 -m 8192 --region shell-deploy shell-deploy-b");
        java.nio.file.Path spec = java.nio.file.Paths.get(System.getProperty("karaf.base"), "data", "tmp",
                "shell-web.yaml");
        java.nio.file.Files.createDirectories(spec.getParent());
        java.nio.file.Files.writeString(spec, "name: shell-web\nworkload:\n  image: nginx:1.27\n  ports: [8080]\n"
                + "replicas: 2\nregions: [shell-deploy]\nalgorithm: round-robin\n");
        assertTrue(execute("fog:deploy-create -f " + spec + " shell-web").contains("2 of 2 replicas submitted"));
        String status = execute("fog:deploy-status shell-web");
        assertTrue(status, status.contains("shell-deploy-a") && status.contains("shell-deploy-b"));
        assertTrue(executeExpectingError("fog:deploy-resolve shell-web").contains("no running replica"));
        for (String line : status.split("\n")) {
            java.util.regex.Matcher task = java.util.regex.Pattern.compile("(shell-web-r\\d+)").matcher(line);
            if (task.find()) {
                execute("fog:task-start " + task.group(1));
            }
        }
        String resolved = execute("fog:deploy-resolve --report failure --latency 12 shell-web");
        assertTrue(resolved, resolved.contains("by round-robin") && resolved.contains("Reported failure in 12 ms"));

        assertTrue(execute("fog:deploy-update --image nginx:1.28 shell-web").contains("generation 2"));
        assertTrue(execute("fog:deploy-update --image nginx:1.28 shell-web").contains("unchanged"));
        assertTrue(execute("fog:deploy-status shell-web").contains("nginx:1.28"));
        java.nio.file.Files.writeString(spec, "name: shell-web\nworkload: {image: nginx:1.27}\nreplics: 3\n");
        String refused = executeExpectingError("fog:deploy-update -f " + spec + " shell-web");
        assertTrue(refused, refused.contains("'replics'") && refused.contains("(line "));
        assertTrue(executeExpectingError("fog:deploy-create -f " + spec.resolveSibling("none.json") + " x")
                .contains("no file"));
        assertThrowsCommandNotFound("viewer", "fog:deploy-update --replicas 1 shell-web");
        assertTrue(executeAs("viewer", "fog:deploy-resolve --report success shell-web").contains("Reported success"));
        assertTrue(execute("fog:deploy-scale shell-web 3").contains("Deployment shell-web: 3 replicas"));
        execute("fog:deploy-delete shell-web");
        java.nio.file.Files.delete(spec);
    }

    @Test
    public void cacheStatsAndClearFromTheShell() throws Exception {
        cacheService.namespace("shell-test").put("k", "v");
        cacheService.namespace("shell-test").get("k", String.class);
        String stats = execute("fog:cache-stats");
        assertTrue(stats, stats.contains("shell-test") && stats.contains("Redis: not configured"));
        assertTrue(execute("fog:cache-clear shell-test").contains("cleared"));
        assertTrue(cacheService.namespace("shell-test").get("k", String.class).isEmpty());
        assertTrue(executeExpectingError("fog:cache-clear no-such-namespace").contains("unknown cache namespace"));
        assertThrowsCommandNotFound("operator", "fog:cache-clear shell-test");
        assertTrue(executeAs("viewer", "fog:cache-stats").contains("NAMESPACE"));
    }

    @Test
    public void balancingCommands() throws Exception {
        String algorithms = execute("fog:lb-list");
        for (String name : List.of("round-robin", "weighted-round-robin", "least-connections", "response-time",
                "consistent-hash", "random")) {
            assertTrue(algorithms, algorithms.contains(name));
        }
        assertTrue(execute("fog:lb-set least-connections").contains("least-connections"));
        assertTrue(execute("fog:lb-list").matches("(?s).*least-connections\\s*\\|\\s*\\*.*"));
        execute("fog:lb-set round-robin");
        assertThrowsCommandNotFound("operator", "fog:lb-set random");
        assertTrue(executeExpectingError("fog:lb-set magic").contains("unknown load-balancing algorithm"));
        execute("fog:circuit-list");
        assertTrue(executeExpectingError("fog:circuit-reset never-used").contains("no circuit"));
        assertThrowsCommandNotFound("viewer", "fog:circuit-reset never-used");
        execute("fog:scaling-events");
    }

    @Test
    public void badInputAndUnknownIdsGiveClearErrors() throws Exception {
        assertEquals("unknown node 'ghost'", executeExpectingError("fog:node-info ghost"));
        assertEquals("unknown task 'ghost'", executeExpectingError("fog:task-complete ghost"));
        assertTrue(executeExpectingError("fog:node-register 'bad id!'").contains("id must be 1..128 characters"));
        assertTrue(executeExpectingError("fog:node-register -c 0 zero-cpu").contains("capacity.cpuCores"));
        assertTrue(executeExpectingError("fog:node-status ghost ACTIVE").contains("unknown node 'ghost'"));
        execute("fog:node-register errors-node");
        assertTrue(executeExpectingError("fog:node-status errors-node BUSY").contains("derived"));
        assertTrue(executeExpectingError("fog:node-register errors-node").contains("already registered"));
        assertTrue(executeExpectingError("fog:task-submit --strategy nope").contains("unknown strategy 'nope'"));
        assertTrue(executeExpectingError("fog:task-submit -p 11").contains("priority"));
        assertTrue(executeExpectingError("fog:strategy-set nope").contains("unknown strategy 'nope'"));
        assertTrue(executeExpectingError("fog:node-list --status SLEEPY").contains("unknown status 'SLEEPY'"));
    }

    @Test
    public void strategiesAreListedWithTheDefaultMarkedAndTheDefaultCanBeChanged() throws Exception {
        String strategies = execute("fog:strategy-list");
        for (String name : List.of("round-robin", "least-loaded", "affinity", "proximity", "privacy-aware")) {
            assertTrue(strategies, strategies.contains(name));
        }
        assertTrue(strategies, strategies.matches("(?s).*least-loaded\\s*\\|\\s*\\*.*"));

        execute("fog:strategy-set round-robin");
        try {
            assertTrue(execute("fog:strategy-list").matches("(?s).*round-robin\\s*\\|\\s*\\*.*"));
            execute("fog:node-register -c 8 -m 8192 rr-a");
            execute("fog:node-register -c 8 -m 8192 rr-b");
            assertTrue(execute("fog:task-submit --id rr-1 -c 1").contains("by round-robin"));
        } finally {
            execute("fog:strategy-set least-loaded");
        }
    }

    @Test
    public void simulationStartsNodesThatHeartbeatAndStopsCleanly() throws Exception {
        assertTrue(execute("fog:simulate --nodes 25").contains("Simulation running: 25 nodes"));
        String simulated = execute("fog:node-list --label simulated=true --no-format --limit 1000");
        assertEquals(25, simulated.lines().filter(l -> l.startsWith("sim-")).count());
        assertTrue(executeExpectingError("fog:simulate --nodes 5").contains("already running"));
        assertTrue(execute("fog:simulate --stop").contains("Simulation stopped"));
        assertEquals("", execute("fog:node-list --label simulated=true --no-format").trim());
    }
}
