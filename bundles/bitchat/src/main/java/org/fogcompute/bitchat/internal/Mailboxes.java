package org.fogcompute.bitchat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MailboxFullException;
import org.fogcompute.api.bitchat.MessageRelay;
import org.fogcompute.api.bitchat.MessageStore.StoredMessage;
import org.fogcompute.api.bitchat.Receipt;
import org.fogcompute.api.bitchat.RelayedMessage;

/**
 * The relay's messages, mailboxes and groups, without OSGi. Every change is handed to the {@link Keeper} (the
 * database) before it is made here, so that what a caller was told is what a restart finds; a change the keeper refuses
 * changes nothing. Sends and acknowledgements write outside the lock: a send first reserves its room in the mailboxes
 * (so that concurrent sends cannot overfill one), an acknowledgement marks its message in flight.
 */
final class Mailboxes {
    /** Stores each change; throws when it cannot, and then nothing changed. */
    interface Keeper {
        void saved(List<RelayedMessage> messages);

        void delivered(String messageId, Instant at);

        void expired(List<String> messageIds, Instant at);

        void purged(Instant before);

        void group(Group group);
    }

    /** {@code maxWaitingChars}: all waiting payloads together, so that full mailboxes cannot exhaust the heap. */
    record Rules(int mailboxMax, Duration maxTtl, Duration receiptRetention, int groupMax, long maxWaitingChars) {
    }

    /** What a sweep did. */
    record Swept(int expired, int purged) {
    }

    private static final String GROUP_PREFIX = "group:";
    private final Clock clock;
    private final Keeper keeper;
    private final Map<String, StoredMessage> messages = new HashMap<>();
    private final Map<String, LinkedHashSet<String>> waiting = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    /** Characters of payload held for messages waiting, and reserved by sends being written. */
    private long waitingChars;
    /** Room taken in each mailbox by sends being written. */
    private final Map<String, Integer> reserved = new HashMap<>();
    /** Messages whose acknowledgement is being written. */
    private final Set<String> acknowledging = new java.util.HashSet<>();
    private volatile Rules rules;

    Mailboxes(Clock clock, Keeper keeper, Rules rules) {
        this.clock = clock;
        this.keeper = keeper;
        this.rules = rules;
    }

    void rules(Rules changed) {
        this.rules = changed;
    }

    /**
     * @param isPeer    whether a node id has a record in the peer directory
     * @param relayFor  the relay node a message from a sender to a recipient goes through (asked only when the
     *                  sender wants one); throws when none can be chosen
     */
    List<RelayedMessage> send(String sender, String to, String payload, long ttlSeconds, boolean viaRelay,
                              Predicate<String> isPeer, BiFunction<String, String, String> relayFor) {
        List<RelayedMessage> sent = reserve(sender, to, payload, ttlSeconds, viaRelay, isPeer, relayFor);
        long adding = (long) payload.length() * sent.size();
        try {
            keeper.saved(sent);
        } catch (RuntimeException notStored) {
            synchronized (this) {
                release(sent);
                waitingChars -= adding;
            }
            throw notStored;
        }
        synchronized (this) {
            release(sent);
            for (RelayedMessage message : sent) {
                messages.put(message.id(), new StoredMessage(message, Receipt.Status.WAITING, null));
                waiting.computeIfAbsent(message.recipient(), r -> new LinkedHashSet<>()).add(message.id());
            }
        }
        return sent;
    }

    /** Checks a send and takes its room in the mailboxes and in the relay's bound; returns its messages, unstored. */
    private synchronized List<RelayedMessage> reserve(String sender, String to, String payload, long ttlSeconds,
                                                      boolean viaRelay, Predicate<String> isPeer,
                                                      BiFunction<String, String, String> relayFor) {
        Rules current = rules;
        if (!isPeer.test(sender)) {
            throw new ValidationException("sender", "only peers of the directory send messages: node '" + sender
                    + "' has no peer record (PUT /api/p2p/peers/" + sender + ")");
        }
        checkPayload(payload);
        Checks.range("ttlSeconds", ttlSeconds, 1, current.maxTtl().toSeconds());
        if (to == null || to.isBlank()) {
            throw new ValidationException("to", "to is required: a peer's node id or group:<id>");
        }
        String groupId = null;
        List<String> recipients;
        if (to.startsWith(GROUP_PREFIX)) {
            groupId = to.substring(GROUP_PREFIX.length());
            Group group = groups.get(groupId);
            if (group == null || !group.members().contains(sender)) {
                throw new NotFoundException("no group '" + groupId + "' of which " + sender + " is a member");
            }
            recipients = group.members().stream().filter(m -> !m.equals(sender)).toList();
        } else {
            Checks.id("to", to);
            if (!isPeer.test(to)) {
                throw new NotFoundException("no peer '" + to + "' in the directory");
            }
            recipients = List.of(to);
        }
        for (String recipient : recipients) {
            int depth = waiting.getOrDefault(recipient, new LinkedHashSet<>()).size()
                    + reserved.getOrDefault(recipient, 0);
            if (depth >= current.mailboxMax()) {
                throw new MailboxFullException("the mailbox of " + recipient + " holds " + depth + " messages, the "
                        + "most it may (mailbox.max.messages); nothing was sent: retry once it drains");
            }
        }
        long adding = (long) payload.length() * recipients.size();
        if (waitingChars + adding > current.maxWaitingChars()) {
            throw new MailboxFullException("the relay holds " + waitingChars / 1_000_000 + " MB of waiting messages, "
                    + "the most it may (max.waiting.megabytes); nothing was sent: retry once mailboxes drain");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<RelayedMessage> sent = new ArrayList<>();
        for (String recipient : recipients) {
            sent.add(new RelayedMessage("m-" + UUID.randomUUID(), sender, recipient, groupId, payload, now,
                    now.plusSeconds(ttlSeconds), viaRelay ? relayFor.apply(sender, recipient) : null));
        }
        for (RelayedMessage message : sent) {
            reserved.merge(message.recipient(), 1, Integer::sum);
        }
        waitingChars += adding;
        return sent;
    }

    private void release(List<RelayedMessage> sent) {
        for (RelayedMessage message : sent) {
            reserved.computeIfPresent(message.recipient(), (r, n) -> n == 1 ? null : n - 1);
        }
    }

    private static void checkPayload(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new ValidationException("payload", "payload is required: the message encrypted for its recipient, "
                    + "base64");
        }
        if (payload.length() > MessageRelay.MAX_PAYLOAD) {
            throw new ValidationException("payload", "payload is " + payload.length() + " characters; at most "
                    + MessageRelay.MAX_PAYLOAD);
        }
        try {
            Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException notBase64) {
            throw new ValidationException("payload", "payload must be base64 (standard alphabet, padded): "
                    + notBase64.getMessage());
        }
    }

    /** The messages waiting for a recipient, oldest first, not those whose time ran out (the sweeper's next). */
    synchronized List<RelayedMessage> inbox(String recipient, int limit) {
        Instant now = clock.instant();
        List<RelayedMessage> inbox = new ArrayList<>();
        for (String id : waiting.getOrDefault(recipient, new LinkedHashSet<>())) {
            RelayedMessage message = messages.get(id).message();
            if (message.expiresAt().isAfter(now)) {
                inbox.add(message);
                if (inbox.size() == limit) {
                    break;
                }
            }
        }
        return inbox;
    }

    /** Idempotent: a message acknowledged twice answers the same receipt. */
    Receipt acknowledge(String recipient, String messageId) {
        StoredMessage stored;
        synchronized (this) {
            stored = messages.get(messageId);
            if (stored == null || !stored.message().recipient().equals(recipient)) {
                throw new NotFoundException("no message '" + messageId + "' for " + recipient);
            }
            if (stored.status() == Receipt.Status.DELIVERED) {
                return receipt(stored);
            }
            if (stored.status() == Receipt.Status.EXPIRED) {
                throw new ConflictException("message '" + messageId + "' expired at " + stored.message().expiresAt()
                        + " before it was acknowledged");
            }
            if (!acknowledging.add(messageId)) {
                throw new ConflictException("message '" + messageId + "' is being acknowledged; retry to read its "
                        + "receipt");
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            keeper.delivered(messageId, now);
        } finally {
            synchronized (this) {
                acknowledging.remove(messageId);
            }
        }
        synchronized (this) {
            StoredMessage delivered = new StoredMessage(withoutPayload(stored.message()), Receipt.Status.DELIVERED,
                    now);
            waitingChars -= stored.message().payload().length();
            messages.put(messageId, delivered);
            waiting.get(recipient).remove(messageId);
            return receipt(delivered);
        }
    }

    synchronized List<Receipt> receipts(String sender, int limit) {
        return messages.values().stream().filter(m -> m.message().sender().equals(sender))
                .sorted(Comparator.comparing((StoredMessage m) -> m.message().sentAt()).reversed())
                .limit(limit).map(Mailboxes::receipt).toList();
    }

    /** Expires what outlived its time to live, forgets receipts older than the retention. */
    synchronized Swept sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> expired = new ArrayList<>();
        for (StoredMessage stored : messages.values()) {
            if (stored.status() == Receipt.Status.WAITING && !stored.message().expiresAt().isAfter(now)
                    && !acknowledging.contains(stored.message().id())) {
                expired.add(stored.message().id());
            }
        }
        if (!expired.isEmpty()) {
            keeper.expired(expired, now);
            for (String id : expired) {
                RelayedMessage message = messages.get(id).message();
                waitingChars -= message.payload().length();
                messages.put(id, new StoredMessage(withoutPayload(message), Receipt.Status.EXPIRED, now));
                waiting.get(message.recipient()).remove(id);
            }
        }
        Instant cutoff = now.minus(rules.receiptRetention());
        List<String> settled = messages.values().stream().filter(m -> m.settledAt() != null
                && m.settledAt().isBefore(cutoff)).map(m -> m.message().id()).toList();
        if (!settled.isEmpty()) {
            keeper.purged(cutoff);
            settled.forEach(messages::remove);
        }
        waiting.values().removeIf(Set::isEmpty);
        return new Swept(expired.size(), settled.size());
    }

    synchronized Group createGroup(String owner, String id, List<String> members, Predicate<String> isPeer) {
        Checks.id("id", id);
        if (groups.containsKey(id)) {
            throw new ConflictException("group '" + id + "' exists already");
        }
        Group group = new Group(id, owner, memberList(owner, members, isPeer));
        keeper.group(group);
        groups.put(id, group);
        return group;
    }

    synchronized Optional<Group> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    synchronized Group setMembers(String caller, boolean admin, String id, List<String> members,
                                  Predicate<String> isPeer) {
        Group group = groups.get(id);
        if (group == null || !(admin || group.owner().equals(caller))) {
            throw new NotFoundException("no group '" + id + "' owned by " + caller);
        }
        Group changed = new Group(id, group.owner(), memberList(group.owner(), members, isPeer));
        keeper.group(changed);
        groups.put(id, changed);
        return changed;
    }

    private List<String> memberList(String owner, List<String> members, Predicate<String> isPeer) {
        LinkedHashSet<String> list = new LinkedHashSet<>();
        list.add(owner);
        for (String member : members == null ? List.<String>of() : members) {
            Checks.id("members", member);
            if (!isPeer.test(member)) {
                throw new NotFoundException("no peer '" + member + "' in the directory");
            }
            list.add(member);
        }
        if (list.size() > rules.groupMax()) {
            throw new ValidationException("members", "a group has at most " + rules.groupMax() + " members, got "
                    + list.size());
        }
        return List.copyOf(list);
    }

    synchronized Map<String, Integer> depths() {
        Map<String, Integer> depths = new TreeMap<>();
        waiting.forEach((recipient, ids) -> {
            if (!ids.isEmpty()) {
                depths.put(recipient, ids.size());
            }
        });
        return depths;
    }

    synchronized int waitingCount() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    /** Takes back what was stored before a start, in the order messages were sent. */
    synchronized void restore(Collection<StoredMessage> stored, Collection<Group> storedGroups) {
        List<StoredMessage> ordered = new ArrayList<>(stored);
        ordered.sort(Comparator.comparing((StoredMessage m) -> m.message().sentAt()));
        for (StoredMessage m : ordered) {
            if (messages.putIfAbsent(m.message().id(), m) == null && m.status() == Receipt.Status.WAITING) {
                waiting.computeIfAbsent(m.message().recipient(), r -> new LinkedHashSet<>()).add(m.message().id());
                waitingChars += m.message().payload() == null ? 0 : m.message().payload().length();
            }
        }
        storedGroups.forEach(g -> groups.putIfAbsent(g.id(), g));
    }

    private static RelayedMessage withoutPayload(RelayedMessage m) {
        return new RelayedMessage(m.id(), m.sender(), m.recipient(), m.groupId(), null, m.sentAt(), m.expiresAt(),
                m.relayNode());
    }

    private static Receipt receipt(StoredMessage m) {
        return new Receipt(m.message().id(), m.message().sender(), m.message().recipient(), m.message().groupId(),
                m.status(), m.message().sentAt(), m.settledAt());
    }
}
