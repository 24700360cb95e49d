package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.fogcompute.api.services.Dependency;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.fogcompute.api.services.ServiceState;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** The live service graph of the running distribution, bundles going away and coming back, and restarts. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServiceOrchestrationIT extends FogTestSupport {
    /** Waits until the orchestrator is there at the start. */
    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected ServiceOrchestrator initialOrchestrator;

    /**
     * The orchestrator registered now: a configuration change re-activates the component, and an object injected
     * before that would be the deactivated one.
     */
    private ServiceOrchestrator orchestrator() {
        org.osgi.framework.ServiceReference<ServiceOrchestrator> reference = bundleContext.getServiceReference(
                ServiceOrchestrator.class);
        if (reference == null) {
            throw new AssertionError("no ServiceOrchestrator registered");
        }
        return bundleContext.getService(reference);
    }

    private ServiceInfo service(String name) {
        return orchestrator().service(name).orElseThrow(() -> new AssertionError("no fog service " + name));
    }

    @Test
    public void theGraphMatchesTheRealReferences() {
        ServiceGraph graph = orchestrator().graph();
        ServiceInfo coordinator = service("coordinator");
        List<String> providers = coordinator.dependencies().stream().map(Dependency::providedBy)
                .filter(java.util.Objects::nonNull).toList();
        assertTrue(providers.toString(), providers.containsAll(List.of("persistence", "routing")));
        assertEquals(0, service("persistence").layer());
        assertEquals(0, service("routing").layer());
        assertEquals(0, service("edge").layer());
        // the platform's lower layers, computed from their references: ledger and reputation on persistence, billing
        // on the ledger, harvest on edge and (optionally) the ledger, the coordinator on all of them
        assertEquals(1, service("ledger").layer());
        assertEquals(1, service("reputation").layer());
        assertEquals(2, service("billing").layer());
        assertEquals(2, service("harvest").layer());
        assertTrue(providers.toString(), providers.containsAll(List.of("billing", "edge", "harvest", "reputation")));
        assertEquals(3, coordinator.layer());
        // L3: the onion planner plans over the coordinator's registry
        assertTrue(service("onion").dependencies().stream().map(Dependency::providedBy).toList()
                .contains("coordinator"));
        assertEquals(4, service("onion").layer());
        // L3: the peer directory looks records' nodes up in the coordinator's registry
        assertTrue(service("p2p").dependencies().stream().map(Dependency::providedBy).toList()
                .contains("coordinator"));
        assertEquals(4, service("p2p").layer());
        // L5: the mixnode directory lists mixnodes from the peer directory, staked from the ledger
        assertTrue(service("betanet").dependencies().stream().map(Dependency::providedBy).toList()
                .containsAll(List.of("p2p", "ledger", "coordinator")));
        assertEquals(5, service("betanet").layer());
        // L4: the privacy policy plans every path over the onion planner (mandatory), SECRET ones over betanet
        assertTrue(service("vpn").dependencies().stream().anyMatch(d -> "onion".equals(d.providedBy())
                && d.required()));
        assertTrue(service("vpn").dependencies().stream().anyMatch(d -> "betanet".equals(d.providedBy())
                && !d.required()));
        assertEquals(6, service("vpn").layer());
        // L5: the message relay between the directory's peers, relays optionally chosen by the onion planner
        assertTrue(service("bitchat").dependencies().stream().anyMatch(d -> "p2p".equals(d.providedBy())
                && d.required()));
        assertTrue(service("bitchat").dependencies().stream().anyMatch(d -> "onion".equals(d.providedBy())
                && !d.required()));
        assertEquals(5, service("bitchat").layer());
        assertTrue(service("persistence").dependents().contains("coordinator"));
        assertTrue(graph.startupOrder().indexOf("persistence") < graph.startupOrder().indexOf("coordinator"));
        assertTrue(graph.shutdownOrder().indexOf("coordinator") < graph.shutdownOrder().indexOf("persistence"));
        assertEquals(List.of(), graph.cycles());
        for (ServiceInfo service : graph.services()) {
            assertTrue(service.name() + " is " + service.state() + ": " + service.problem(),
                    service.state() == ServiceState.ACTIVE || service.state() == ServiceState.SATISFIED);
        }
    }

    @Test
    public void stoppingADependencyNamesTheMissingReferenceAndStartingItHeals() throws Exception {
        Bundle persistence = bundle("org.fogcompute.persistence");
        persistence.stop();
        try {
            waitFor(() -> service("coordinator").state() == ServiceState.UNSATISFIED, "coordinator unsatisfied");
            assertTrue(service("coordinator").problem(), service("coordinator").problem().contains(
                    "org.fogcompute.api.store.FleetStore"));
            String listing = execute("fog:service-list");
            assertTrue(listing, listing.contains("missing reference"));
            assertTrue(executeExpectingError("fog:node-list").contains("is not available right now"));
        } finally {
            persistence.start();
        }
        waitFor(() -> service("coordinator").state() == ServiceState.ACTIVE, "coordinator active again");
    }

    @Test
    public void aRestartBringsTheServiceAndItsDependentsBack() throws Exception {
        long before = service("routing").restarts();
        String output = execute("fog:service-restart routing");
        assertTrue(output, output.contains("active again"));
        assertEquals(before + 1, service("routing").restarts());
        assertEquals(ServiceState.ACTIVE, service("coordinator").state());
        String tree = execute("fog:service-deps");
        assertTrue(tree, tree.contains("Layer 0:") && tree.contains("Startup order:"));
        assertTrue(executeExpectingError("fog:service-restart no-such-service").contains("unknown fog service"));
    }

    @Test
    public void restartingTheLedgerRewiresItsDependentsAndLosesNoCredits() throws Exception {
        execute("fog:ledger-open restart-alice SUBMITTER");
        execute("fog:ledger-grant restart-alice 42");
        String output = execute("fog:service-restart ledger");
        assertTrue(output, output.contains("active again"));
        waitFor(() -> service("billing").state() == ServiceState.ACTIVE
                && service("harvest").state() == ServiceState.ACTIVE
                && service("coordinator").state() == ServiceState.ACTIVE, "the ledger's dependents active again");
        // billing works on the new ledger: the shell's user pays for the task it submits
        execute("fog:ledger-open itest-admin SUBMITTER");
        execute("fog:ledger-grant itest-admin 100");
        execute("fog:task-submit --id after-ledger-restart");
        String payer = execute("fog:ledger-account itest-admin");
        assertTrue(payer, payer.contains("escrow:after-ledger-restart") && payer.contains("90 credits"));
        String account = execute("fog:ledger-account restart-alice");
        assertTrue(account, account.contains("42 credits"));
        String accounts = execute("fog:ledger-accounts");
        assertTrue(accounts, accounts.contains("journal balanced"));
    }

    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    @Test
    public void aServiceWhoseCheckFailsIsRestartedWithBackoffUntilTheAttemptsAreUsedUp() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(
                "org.fogcompute.orchestration", "?");
        java.util.Dictionary<String, Object> original = configuration.getProperties();
        java.util.Hashtable<String, Object> fast = new java.util.Hashtable<>();
        fast.put("health.interval.seconds", 1L);
        fast.put("restart.backoff.millis", "200,400,800");
        configuration.update(fast);
        waitFor(() -> {
            try {
                return orchestrator().health().stream().anyMatch(h -> h.history().size() >= 2);
            } catch (AssertionError reactivating) {
                return false;
            }
        }, "orchestration evaluating every second");
        long restartsBefore = service("simulator").restarts();
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put("hc.name", "always failing");
        properties.put("hc.tags", "fog");
        properties.put("fog.service.name", "simulator");
        org.osgi.framework.ServiceRegistration<?> failing = bundleContext.registerService(
                org.apache.felix.hc.api.HealthCheck.class, () -> new org.apache.felix.hc.api.Result(
                        org.apache.felix.hc.api.Result.Status.CRITICAL, "made to fail"), properties);
        long started = System.nanoTime();
        try {
            waitFor(() -> orchestrator().health().stream().anyMatch(h -> h.service().equals("simulator")
                    && h.restartsExhausted()), "simulator FAILED after its automatic restarts");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals("three automatic restarts", restartsBefore + 3, service("simulator").restarts());
            assertTrue("backoff 200 + 400 + 800 ms and three failed evaluations first, took " + tookMillis,
                    tookMillis >= 1400);
            try {
                orchestrator().restart("simulator", false);
                throw new AssertionError("a restart without force went through after the attempts were used up");
            } catch (org.fogcompute.api.ConflictException expected) {
                assertTrue(expected.getMessage().contains("force"));
            }
            String health = execute("fog:service-health");
            assertTrue(health, health.contains("FAILED") && health.contains("made to fail"));
        } finally {
            failing.unregister();
        }
        assertTrue(execute("fog:service-restart --force simulator").contains("active again"));
        assertTrue(orchestrator().health().stream().noneMatch(h -> h.service().equals("simulator")
                && h.restartsExhausted()));
        waitFor(() -> orchestrator().health().stream().noneMatch(h -> h.service().equals("simulator")),
                "the simulator, without checks of its own now, leaves the health report");
        Object before = bundleContext.getServiceReference(ServiceOrchestrator.class)
                .getProperty(org.osgi.framework.Constants.SERVICE_ID);
        // back to what etc/ says (deleting it would let file install create it again from the file later, re-activating
        // the orchestrator in the middle of another test); it re-activates: the next test must not meet it in between
        if (original == null) {
            configuration.delete();
        } else {
            configuration.update(original);
        }
        waitFor(() -> {
            org.osgi.framework.ServiceReference<ServiceOrchestrator> now = bundleContext.getServiceReference(
                    ServiceOrchestrator.class);
            return now != null && !now.getProperty(org.osgi.framework.Constants.SERVICE_ID).equals(before);
        }, "the orchestrator back with its default configuration");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
