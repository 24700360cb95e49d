package org.fogcompute.p2p.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerDirectory;
import org.fogcompute.api.p2p.PeerQuery;
import org.fogcompute.api.p2p.PeerRecord;
import org.fogcompute.api.p2p.PeerStore;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer directory as the L3 fog service. It depends on the coordinator's registry (a record's node must be
 * registered; region, location and liveness are the fleet's) and on the fleet's database (records are stored before a
 * publication is answered and restored at start). A node that leaves the fleet takes its record with it.
 */
@Component(service = {PeerDirectory.class, EventHandler.class, HealthCheck.class,
        org.fogcompute.api.metrics.MetricsSource.class}, configurationPid = P2pComponent.PID,
        property = {"fog.service.name=p2p", "fog.service.critical=false", "hc.name=Fog peer directory",
                "hc.tags=fog", EventConstants.EVENT_TOPIC + "=fog/node/UNREGISTERED"})
@Designate(ocd = P2pComponent.Config.class)
public class P2pComponent implements PeerDirectory, EventHandler, HealthCheck,
        org.fogcompute.api.metrics.MetricsSource {
    static final String PID = "org.fogcompute.p2p";
    private static final Logger LOG = LoggerFactory.getLogger(P2pComponent.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.fogcompute.audit");
    private static final long RESTORE_RETRY_SECONDS = 5;

    @ObjectClassDefinition(name = "Fog peer directory", description = "Signed peer records of the fleet's nodes")
    public @interface Config {
        @AttributeDefinition(name = "Liveness (s)", description = "A peer is online when its node sent a heartbeat "
                + "within this window")
        long liveness_seconds() default 300;
    }

    private final PeerStore store;
    private final PeerBook book;
    private final ScheduledExecutorService worker;
    private volatile boolean restored;
    private volatile String lastProblem;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public P2pComponent(@Reference SharedScheduler scheduler,
                        @Reference NodeRegistry registry, @Reference PeerStore store, Config config) {
        this.worker = scheduler.lane("p2p");
        this.store = store;
        this.book = new PeerBook(Clock.systemUTC(), registry::findNode, livenessOf(config));
        worker.scheduleWithFixedDelay(this::restore, 0, RESTORE_RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Config config) {
        book.liveness(livenessOf(config));
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    private static Duration livenessOf(Config config) {
        return Duration.ofSeconds(Math.max(1, config.liveness_seconds()));
    }

    @Override
    public Peer publish(PeerRecord record) {
        requireRestored();
        Optional<PeerRecord> before = book.record(record.nodeId());
        Peer peer = book.publish(record, store::save);
        if (before.isPresent() && !before.get().publicKey().equals(record.publicKey())) {
            AUDIT.info("Node {} published a new peer key (sequence {})", record.nodeId(), record.sequence());
        }
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(PEER_PUBLISHED_TOPIC, Map.of("node.id", record.nodeId())));
        }
        return peer;
    }

    @Override
    public Optional<Peer> peer(String nodeId) {
        requireRestored();
        return book.peer(nodeId);
    }

    @Override
    public List<Peer> peers(PeerQuery query) {
        requireRestored();
        return book.peers(query);
    }

    @Override
    public boolean withdraw(String nodeId) {
        requireRestored();
        if (book.record(nodeId).isEmpty()) {
            return false;
        }
        store.forget(nodeId); // stored first: a withdrawal answered is not undone by a restart
        return book.remove(nodeId) != null;
    }

    @Override
    public Census census() {
        return book.census();
    }

    /** A node that left the fleet takes its record with it (off the event thread: the store may be slow). */
    @Override
    public void handleEvent(Event event) {
        if (event.getProperty("node.id") instanceof String nodeId && book.record(nodeId).isPresent()) {
            worker.execute(() -> forget(nodeId));
        }
    }

    private void forget(String nodeId) {
        try {
            store.forget(nodeId);
            book.remove(nodeId);
            LOG.info("Peer record of {} removed: the node left the fleet", nodeId);
        } catch (RuntimeException e) {
            lastProblem = "record of departed node " + nodeId + " not removed: " + e.getMessage();
            LOG.warn("Peer record of departed node {} not removed; tried again in {} s: {}", nodeId,
                    RESTORE_RETRY_SECONDS, e.getMessage());
            worker.schedule(() -> forget(nodeId), RESTORE_RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public Result execute() {
        if (!restored) {
            return new Result(Result.Status.WARN, "peer records not loaded yet" + (lastProblem == null ? ""
                    : ": " + lastProblem));
        }
        if (lastProblem != null) {
            return new Result(Result.Status.WARN, lastProblem);
        }
        Census census = book.census();
        return new Result(Result.Status.OK, census.published() + " peer record(s), " + census.online() + " online");
    }

    private void restore() {
        if (restored) {
            return;
        }
        try {
            List<PeerRecord> stored = store.records();
            book.restore(stored);
            restored = true;
            lastProblem = null;
            LOG.info("Peer directory restored: {} record(s)", stored.size());
        } catch (RuntimeException e) {
            lastProblem = e.getMessage();
            LOG.warn("Peer records not restored; tried again in {} s: {}", RESTORE_RETRY_SECONDS, e.getMessage());
        }
    }

    /** Before the stored records are back, a lookup would miss them and a publication could replace a newer one. */
    private void requireRestored() {
        if (!restored) {
            throw new StoreUnavailableException("the peer directory is not loaded from the database yet; retry "
                    + "shortly", null);
        }
    }

    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        Census census = book.census();
        sink.gauge("fog_p2p_peers", "Published peer records by whether their node is online", census.online(),
                "state", "online");
        sink.gauge("fog_p2p_peers", "Published peer records by whether their node is online",
                census.published() - census.online(), "state", "offline");
    }
}
