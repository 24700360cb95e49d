package org.fogcompute.betanet.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.ConsensusStore;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.betanet.MixnodeDirectory;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.p2p.PeerDirectory;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.privacy.NoPrivacyPathException;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mixnode directory as the L5 fog service. It depends on the coordinator's registry (which nodes are MIXNODEs,
 * their status, reputation and uptime), on the peer directory (their keys and endpoints, and whether they are online)
 * and on the ledger (their stake). Every epoch it publishes a consensus signed with the coordinator's Ed25519 key,
 * stored before it is in force, so that epochs keep counting up and nodes get the same document across a restart.
 */
@Component(service = {MixnodeDirectory.class, HealthCheck.class, org.fogcompute.api.metrics.MetricsSource.class}, configurationPid = BetanetComponent.PID,
        property = {"fog.service.name=betanet", "fog.service.critical=false", "hc.name=Fog mixnode directory",
                "hc.tags=fog"})
@Designate(ocd = BetanetComponent.Config.class)
public class BetanetComponent implements MixnodeDirectory, HealthCheck, org.fogcompute.api.metrics.MetricsSource {
    static final String PID = "org.fogcompute.betanet";
    private static final Logger LOG = LoggerFactory.getLogger(BetanetComponent.class);
    /** How often a consensus that could not be published or restored is tried again. */
    private static final long RETRY_SECONDS = 5;

    @ObjectClassDefinition(name = "Fog mixnode directory", description = "Signed consensus of the fleet's mixnodes")
    public @interface Config {
        @AttributeDefinition(name = "Epoch (min)", description = "A consensus is published every epoch and is valid "
                + "for one")
        long epoch_minutes() default 10;

        @AttributeDefinition(name = "Minimum stake (credits)", description = "Mixnodes whose operator's ledger "
                + "balance is lower are left out")
        long min_stake_credits() default 100;

        @AttributeDefinition(name = "Signing key file", description = "Empty: data/fog/consensus-signing.key, "
                + "generated at first start")
        String signing_key_file() default "";
    }

    private final NodeRegistry registry;
    private final PeerDirectory peers;
    private final Ledger ledger;
    private final ConsensusStore store;
    private final DirectoryKey key;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService worker;
    private volatile Duration epoch;
    private volatile long minStake;
    private volatile boolean restored;
    private volatile Consensus current;
    /** The route index of {@link #current}, built once per consensus. */
    private volatile RouteSelection routes;
    private volatile String lastProblem;
    private volatile Instant nextTry = Instant.EPOCH;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public BetanetComponent(@Reference SharedScheduler scheduler,
                            @Reference NodeRegistry registry, @Reference PeerDirectory peers,
                            @Reference Ledger ledger, @Reference ConsensusStore store, Config config) {
        this.worker = scheduler.lane("betanet");
        this.registry = registry;
        this.peers = peers;
        this.ledger = ledger;
        this.store = store;
        this.key = DirectoryKey.loadOrCreate(keyFile(config));
        configure(config);
        worker.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Config config) {
        configure(config);
    }

    private void configure(Config config) {
        this.epoch = Duration.ofMinutes(Math.max(1, config.epoch_minutes()));
        this.minStake = Math.max(0, config.min_stake_credits());
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    private static Path keyFile(Config config) {
        String configured = config.signing_key_file();
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        return Paths.get(System.getProperty("karaf.data", "data"), "fog", "consensus-signing.key");
    }

    @Override
    public Optional<Consensus> consensus() {
        return Optional.ofNullable(current);
    }

    @Override
    public String signingKey() {
        return key.publicKey();
    }

    @Override
    public List<Candidate> candidates() {
        return ConsensusBuilder.candidates(fleet(), peers::peer, this::balance, minStake);
    }

    @Override
    public synchronized Consensus publish() {
        if (!restored) {
            throw new StoreUnavailableException("the last consensus is not restored from the database yet; retry "
                    + "shortly", null);
        }
        List<Mixnode> listed = ConsensusBuilder.listed(candidates());
        Consensus previous = current;
        // to the millisecond, as it is signed and stored: a document reads the same before and after a restart
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Consensus unsigned = new Consensus(previous == null ? 1 : previous.epoch() + 1, now, now.plus(epoch), listed,
                key.publicKey(), "");
        Consensus signed = unsigned.withSignature(key.sign(unsigned.signedBytes()));
        store.saveConsensus(signed); // stored before it is in force: a restart serves the same document
        current = signed;
        lastProblem = null;
        LOG.info("Mixnode consensus epoch {} published: {} mixnode(s), valid until {}", signed.epoch(), listed.size(),
                signed.validUntil());
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(CONSENSUS_PUBLISHED_TOPIC, Map.of("epoch", signed.epoch(), "mixnodes",
                    listed.size())));
        }
        return signed;
    }

    @Override
    public List<Mixnode> route(int hops) {
        Consensus consensus = current;
        if (consensus == null) {
            throw new NoPrivacyPathException("no mixnet route: no mixnode consensus is published yet");
        }
        if (!consensus.validAt(clock.instant())) {
            throw new NoPrivacyPathException("no mixnet route: the consensus of epoch " + consensus.epoch()
                    + " expired at " + consensus.validUntil() + " and no newer one is published");
        }
        RouteSelection index = routes;
        if (index == null || index.consensus() != consensus) {
            index = RouteSelection.of(consensus);
            routes = index;
        }
        return index.route(hops, ThreadLocalRandom.current());
    }

    @Override
    public Result execute() {
        Consensus consensus = current;
        if (consensus == null) {
            return new Result(Result.Status.WARN, "no consensus published yet" + (lastProblem == null ? ""
                    : ": " + lastProblem));
        }
        if (!consensus.validAt(clock.instant())) {
            return new Result(Result.Status.WARN, "the consensus of epoch " + consensus.epoch() + " expired at "
                    + consensus.validUntil() + (lastProblem == null ? "" : ": " + lastProblem));
        }
        long regions = consensus.mixnodes().stream().map(Mixnode::region).distinct().count();
        return new Result(Result.Status.OK, "epoch " + consensus.epoch() + ": " + consensus.mixnodes().size()
                + " mixnode(s) in " + regions + " region(s), valid until " + consensus.validUntil());
    }

    /** Restores the last consensus (until it succeeds), then publishes whenever the one in force is due. */
    private void tick() {
        Instant now = clock.instant();
        if (now.isBefore(nextTry)) {
            return;
        }
        try {
            if (!restored) {
                current = store.latestConsensus().orElse(null);
                restored = true;
                LOG.info("Mixnode consensus restored: {}", current == null ? "none published yet"
                        : "epoch " + current.epoch() + ", valid until " + current.validUntil());
            }
            Consensus consensus = current;
            if (consensus == null || !now.isBefore(consensus.validUntil())) {
                publish();
            }
        } catch (RuntimeException e) {
            lastProblem = e.getMessage();
            nextTry = now.plusSeconds(RETRY_SECONDS);
            LOG.warn("Mixnode consensus not {}; tried again in {} s: {}", restored ? "published" : "restored",
                    RETRY_SECONDS, e.getMessage());
        }
    }

    private long balance(String account) {
        return ledger.account(account).map(Account::balance).orElse(0L);
    }

    /** Every registered MIXNODE node, a page at a time. */
    private Collection<Node> fleet() {
        List<Node> nodes = new ArrayList<>();
        for (int offset = 0; ; offset += NodeQuery.MAX_LIMIT) {
            List<Node> page = registry.list(new NodeQuery(null, NodeType.MIXNODE, null, null, null, offset,
                    NodeQuery.MAX_LIMIT))
                    .items();
            nodes.addAll(page);
            if (page.size() < NodeQuery.MAX_LIMIT) {
                return nodes;
            }
        }
    }

    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        Consensus consensus = current;
        if (consensus != null) {
            sink.gauge("fog_betanet_consensus_epoch", "Epoch of the last consensus published", consensus.epoch());
            sink.gauge("fog_betanet_mixnodes", "Mixnodes the last consensus lists", consensus.mixnodes().size());
            sink.gauge("fog_betanet_consensus_valid", "Whether the last consensus is in force (1) or expired (0)",
                    consensus.validAt(clock.instant()) ? 1 : 0);
        }
    }
}
