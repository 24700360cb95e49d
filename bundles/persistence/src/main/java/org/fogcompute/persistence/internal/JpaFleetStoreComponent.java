package org.fogcompute.persistence.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.edge.HarvestStore;
import org.fogcompute.api.privacy.CircuitStore;
import org.fogcompute.api.privacy.HiddenService;
import org.fogcompute.api.privacy.HiddenServiceStore;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.LedgerStore;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreUnavailableException;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MessageStore;
import org.fogcompute.api.bitchat.RelayedMessage;
import org.fogcompute.api.betanet.ConsensusStore;
import org.fogcompute.api.p2p.PeerRecord;
import org.fogcompute.api.deployments.DeploymentStore;
import org.fogcompute.api.p2p.PeerStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in OSGi: the {@code fog} persistence unit (Aries JPA, EclipseLink) over the {@code fog} DataSource that
 * pax-jdbc-config registers from {@code etc/org.ops4j.datasource-fog.cfg} (embedded Derby by default, PostgreSQL by
 * editing that file). The ledger's, the harvest policy's, the onion planner's, the peer directory's, the mixnode directory's, the hidden-service registry's and the message relay's stores live in the same database and
 * schema, so this one service provides them all: one owner of the migrations, and the ledger depends on persistence alone.
 */
@Component(property = {"fog.service.name=persistence", "fog.service.critical=true", "hc.name=Fog database",
    "hc.tags=fog"}, service = {FleetStore.class, LedgerStore.class, HarvestStore.class, CircuitStore.class, PeerStore.class,
    ConsensusStore.class, HiddenServiceStore.class, MessageStore.class, DeploymentStore.class, HealthCheck.class},
    immediate = true)
public class JpaFleetStoreComponent extends JpaFleetStore implements LedgerStore, HarvestStore, CircuitStore,
        PeerStore, ConsensusStore, HiddenServiceStore, MessageStore, DeploymentStore, HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(JpaFleetStoreComponent.class);
    private final JdbcLedgerStore ledger;
    private final JdbcHarvestStore harvest;
    private final JdbcCircuitStore onion;
    private final JdbcPeerStore peers;
    private final JdbcConsensusStore consensus;
    private final JdbcHiddenServiceStore hiddenServices;
    private final JdbcMessageStore relay;
    private final JdbcDeploymentStore deploymentStore;

    @Activate
    public JpaFleetStoreComponent(@Reference(target = "(osgi.unit.name=fog)") JpaTemplate jpa,
                                  @Reference(target = "(osgi.jndi.service.name=fog)") DataSource dataSource) {
        // Aries' resource-local template takes only Required, also for reads
        super(new Transactions() {
            @Override
            public <R> R inTransaction(java.util.function.Function<javax.persistence.EntityManager, R> work) {
                return jpa.txExpr(TransactionType.Required, work::apply);
            }
        }, dataSource);
        this.ledger = new JdbcLedgerStore(dataSource, Clock.systemUTC(), this::ensureSchema);
        this.harvest = new JdbcHarvestStore(dataSource, this::ensureSchema);
        this.onion = new JdbcCircuitStore(dataSource, this::ensureSchema);
        this.peers = new JdbcPeerStore(dataSource, this::ensureSchema);
        this.consensus = new JdbcConsensusStore(dataSource, this::ensureSchema);
        this.hiddenServices = new JdbcHiddenServiceStore(dataSource, this::ensureSchema);
        this.relay = new JdbcMessageStore(dataSource, this::ensureSchema);
        this.deploymentStore = new JdbcDeploymentStore(dataSource, this::ensureSchema);
        try {
            LOG.info("Fog database schema at version {}", ensureSchema());
        } catch (StoreUnavailableException e) {
            LOG.warn("Fog database not reachable yet ({}); the schema is migrated when it is", e.getMessage());
        }
    }

    @Override
    public void saveMessages(List<RelayedMessage> messages) {
        relay.saveMessages(messages);
    }

    @Override
    public boolean markDelivered(String messageId, java.time.Instant at) {
        return relay.markDelivered(messageId, at);
    }

    @Override
    public void markExpired(List<String> messageIds, java.time.Instant at) {
        relay.markExpired(messageIds, at);
    }

    @Override
    public void purgeSettled(java.time.Instant before) {
        relay.purgeSettled(before);
    }

    @Override
    public List<StoredMessage> messages() {
        return relay.messages();
    }

    @Override
    public void saveGroup(Group group) {
        relay.saveGroup(group);
    }

    @Override
    public List<Group> groups() {
        return relay.groups();
    }

    @Override
    public void saveHiddenService(HiddenService service) {
        hiddenServices.saveHiddenService(service);
    }

    @Override
    public void removeHiddenService(String id) {
        hiddenServices.removeHiddenService(id);
    }

    @Override
    public List<HiddenService> hiddenServices() {
        return hiddenServices.hiddenServices();
    }

    @Override
    public void saveConsensus(Consensus document) {
        consensus.saveConsensus(document);
    }

    @Override
    public Optional<Consensus> latestConsensus() {
        return consensus.latestConsensus();
    }

    @Override
    public void save(PeerRecord record) {
        peers.save(record);
    }

    @Override
    public void forget(String nodeId) {
        peers.forget(nodeId);
    }

    @Override
    public List<PeerRecord> records() {
        return peers.records();
    }

    @Override
    public void save(StoredCircuit circuit) {
        onion.save(circuit);
    }

    @Override
    public void delete(String circuitId) {
        onion.delete(circuitId);
    }

    @Override
    public List<StoredCircuit> circuits() {
        return onion.circuits();
    }

    @Override
    public void saveGuards(String client, List<String> guards) {
        onion.saveGuards(client, guards);
    }

    @Override
    public java.util.Map<String, List<String>> guards() {
        return onion.guards();
    }

    @Override
    public void save(DeviceState state) {
        harvest.save(state);
    }

    @Override
    public List<DeviceState> devices() {
        return harvest.devices();
    }

    @Override
    public void owe(OwedReward reward) {
        harvest.owe(reward);
    }

    @Override
    public List<OwedReward> owed(int limit) {
        return harvest.owed(limit);
    }

    @Override
    public void settled(String key) {
        harvest.settled(key);
    }

    @Override
    public Account open(String id, AccountKind kind) {
        return ledger.open(id, kind);
    }

    @Override
    public JournalEntry post(JournalEntry entry) {
        return ledger.post(entry);
    }

    @Override
    public Optional<Account> account(String id) {
        return ledger.account(id);
    }

    @Override
    public List<Account> accounts(int offset, int limit) {
        return ledger.accounts(offset, limit);
    }

    @Override
    public List<JournalEntry> journal(String accountId, int offset, int limit) {
        return ledger.journal(accountId, offset, limit);
    }

    @Override
    public Optional<JournalEntry> entry(String key) {
        return ledger.entry(key);
    }

    @Override
    public List<JournalEntry> holds(int offset, int limit) {
        return ledger.holds(offset, limit);
    }

    @Override
    public long sumOfBalances() {
        return ledger.sumOfBalances();
    }

    @Override
    public NodeReputation changeReputation(String key, String nodeId, NodeReputation fresh,
                                           UnaryOperator<NodeReputation> change) {
        return ledger.changeReputation(key, nodeId, fresh, change);
    }

    @Override
    public Optional<NodeReputation> reputation(String nodeId) {
        return ledger.reputation(nodeId);
    }

    @Override
    public List<NodeReputation> reputations(int offset, int limit) {
        return ledger.reputations(offset, limit);
    }

    /** Health for Felix Health Checks: the database answers a query (row counts) within the check's time limit. */
    @Override
    public Result execute() {
        try {
            FleetStore.StoreInfo info = info();
            return new Result(Result.Status.OK, info.product() + " answers, schema version " + info.schemaVersion()
                    + ", " + info.nodes() + " nodes");
        } catch (RuntimeException e) {
            return new Result(Result.Status.CRITICAL, "database not answering: " + e.getMessage());
        }
    }

    @Override
    public void save(org.fogcompute.api.deployments.StoredDeployment deployment) {
        deploymentStore.save(deployment);
    }

    @Override
    public void remove(String deploymentName) {
        deploymentStore.remove(deploymentName);
    }

    @Override
    public List<org.fogcompute.api.deployments.StoredDeployment> deployments() {
        return deploymentStore.deployments();
    }
}
