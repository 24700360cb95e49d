package org.fogcompute.bitchat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MessageRelay;
import org.fogcompute.api.bitchat.MessageStore;
import org.fogcompute.api.bitchat.Receipt;
import org.fogcompute.api.bitchat.RelayedMessage;
import org.fogcompute.api.p2p.PeerDirectory;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message relay as the L5 fog service. It depends on the peer directory (senders, recipients and group members are
 * its peers) and on the fleet's database (every message is stored before the send is answered); optionally on the
 * onion planner, which chooses the relay a sender may ask its messages to go through. A sweeper expires messages
 * whose time to live ran out and forgets receipts after their retention.
 */
@Component(service = {MessageRelay.class, HealthCheck.class, org.fogcompute.api.metrics.MetricsSource.class}, configurationPid = BitchatComponent.PID,
        property = {"fog.service.name=bitchat", "fog.service.critical=false", "hc.name=Fog message relay",
                "hc.tags=fog"})
@Designate(ocd = BitchatComponent.Config.class)
public class BitchatComponent implements MessageRelay, HealthCheck, org.fogcompute.api.metrics.MetricsSource {
    static final String PID = "org.fogcompute.bitchat";
    private static final Logger LOG = LoggerFactory.getLogger(BitchatComponent.class);
    private static final long RESTORE_RETRY_SECONDS = 5;

    @ObjectClassDefinition(name = "Fog message relay", description = "Store-and-forward of encrypted messages")
    public @interface Config {
        @AttributeDefinition(name = "Messages a mailbox holds", description = "More are refused (429) until it drains")
        int mailbox_max_messages() default 1000;

        @AttributeDefinition(name = "Longest time to live (h)")
        long max_ttl_hours() default 72;

        @AttributeDefinition(name = "Receipts kept after delivery or expiry (h)")
        long receipt_retention_hours() default 24;

        @AttributeDefinition(name = "Most members of a group")
        int group_max_members() default 256;

        @AttributeDefinition(name = "Waiting messages in all, MB", description = "Payloads held for delivery "
                + "together; more are refused (429) until mailboxes drain")
        long max_waiting_megabytes() default 256;

        @AttributeDefinition(name = "Sweeper interval (s)")
        long sweep_seconds() default 10;
    }

    private final PeerDirectory peers;
    private final Mailboxes mailboxes;
    private final ScheduledExecutorService worker;
    private final MessageStore store;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean restored;
    private volatile Duration sweepEvery;
    private volatile Instant lastSweep;
    private volatile String lastProblem;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CircuitPlanner planner;

    @Activate
    public BitchatComponent(@Reference SharedScheduler scheduler,
                            @Reference PeerDirectory peers, @Reference MessageStore store, Config config) {
        this.worker = scheduler.lane("bitchat");
        this.peers = peers;
        this.store = store;
        this.mailboxes = new Mailboxes(clock, new StoreKeeper(store), rulesOf(config));
        this.sweepEvery = Duration.ofSeconds(Math.max(1, config.sweep_seconds()));
        worker.scheduleWithFixedDelay(this::restoreOrSweep, 0, 1, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Config config) {
        mailboxes.rules(rulesOf(config));
        sweepEvery = Duration.ofSeconds(Math.max(1, config.sweep_seconds()));
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    private static Mailboxes.Rules rulesOf(Config c) {
        return new Mailboxes.Rules(Math.max(1, c.mailbox_max_messages()), Duration.ofHours(Math.max(1,
                c.max_ttl_hours())), Duration.ofHours(Math.max(1, c.receipt_retention_hours())),
                Math.max(2, c.group_max_members()), Math.max(1, c.max_waiting_megabytes()) * 1_000_000);
    }

    @Override
    public List<RelayedMessage> send(String sender, String to, String payload, long ttlSeconds, boolean viaRelay) {
        requireRestored();
        return mailboxes.send(sender, to, payload, ttlSeconds, viaRelay, this::isPeer, this::relayFor);
    }

    @Override
    public List<RelayedMessage> inbox(String recipient, int limit) {
        requireRestored();
        return mailboxes.inbox(recipient, limit);
    }

    @Override
    public Receipt acknowledge(String recipient, String messageId) {
        requireRestored();
        return mailboxes.acknowledge(recipient, messageId);
    }

    @Override
    public List<Receipt> receipts(String sender, int limit) {
        requireRestored();
        return mailboxes.receipts(sender, limit);
    }

    @Override
    public Group createGroup(String owner, String id, List<String> members) {
        requireRestored();
        return mailboxes.createGroup(owner, id, members, this::isPeer);
    }

    @Override
    public Optional<Group> group(String id) {
        requireRestored();
        return mailboxes.group(id);
    }

    @Override
    public Group setMembers(String caller, boolean admin, String id, List<String> members) {
        requireRestored();
        return mailboxes.setMembers(caller, admin, id, members, this::isPeer);
    }

    @Override
    public Map<String, Integer> mailboxDepths() {
        return mailboxes.depths();
    }

    private boolean isPeer(String nodeId) {
        return peers.peer(nodeId).isPresent();
    }

    /** A relay the planner chooses, like a hidden service's introduction point: never the sender or recipient. */
    private String relayFor(String sender, String recipient) {
        CircuitPlanner onion = planner;
        if (onion == null) {
            throw new NoPrivacyPathException("no relay: the onion planner is not running; send without viaRelay or "
                    + "retry later");
        }
        return onion.introductionPoints("bitchat:" + recipient, 2, 0.5, Set.of(sender, recipient)).get(0).nodeId();
    }

    @Override
    public Result execute() {
        if (!restored) {
            return new Result(Result.Status.WARN, "messages not loaded yet" + (lastProblem == null ? ""
                    : ": " + lastProblem));
        }
        Instant swept = lastSweep;
        if (swept == null || swept.isBefore(clock.instant().minus(sweepEvery.multipliedBy(3)))) {
            return new Result(Result.Status.WARN, "the sweeper has not run since " + swept + (lastProblem == null
                    ? "" : ": " + lastProblem));
        }
        return new Result(Result.Status.OK, mailboxes.waitingCount() + " message(s) waiting in "
                + mailboxes.depths().size() + " mailbox(es); last sweep " + swept);
    }

    private void restoreOrSweep() {
        try {
            if (!restored) {
                List<MessageStore.StoredMessage> stored = store.messages();
                mailboxes.restore(stored, store.groups());
                restored = true;
                LOG.info("Message relay restored: {} message(s) waiting", mailboxes.waitingCount());
            }
            Instant now = clock.instant();
            if (lastSweep == null || !now.isBefore(lastSweep.plus(sweepEvery))) {
                Mailboxes.Swept swept = mailboxes.sweep();
                lastSweep = now;
                lastProblem = null;
                if (swept.expired() > 0) {
                    LOG.info("{} message(s) expired undelivered", swept.expired());
                }
            }
        } catch (RuntimeException e) {
            lastProblem = e.getMessage();
            LOG.warn("Message relay {}; tried again shortly: {}", restored ? "not swept" : "not restored",
                    e.getMessage());
        }
    }

    private void requireRestored() {
        if (!restored) {
            throw new StoreUnavailableException("the message relay is not loaded from the database yet; retry "
                    + "shortly", null);
        }
    }

    /** Messages waiting, mailboxes holding any, the deepest (never a peer id as a label). */
    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        Map<String, Integer> depths = mailboxes.depths();
        sink.gauge("fog_bitchat_messages_waiting", "Messages stored for their recipients", mailboxes.waitingCount());
        sink.gauge("fog_bitchat_mailboxes", "Mailboxes holding a message", depths.size());
        sink.gauge("fog_bitchat_mailbox_deepest", "Messages in the fullest mailbox", depths.values().stream()
                .mapToInt(Integer::intValue).max().orElse(0));
    }
}
