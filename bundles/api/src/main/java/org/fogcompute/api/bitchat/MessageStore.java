package org.fogcompute.api.bitchat;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the message relay keeps messages, receipts and groups across restarts; provided by the persistence service.
 * A message delivered or expired keeps its row, without its payload, as its sender's receipt until it is purged.
 */
@ProviderType
public interface MessageStore {

    /** A message as stored: its status and when it got there (null while waiting). */
    record StoredMessage(RelayedMessage message, Receipt.Status status, Instant settledAt) {
    }

    /** Stores new messages, all or none. */
    void saveMessages(List<RelayedMessage> messages);

    /** A message was delivered: its payload is dropped; false when no waiting message has this id. */
    boolean markDelivered(String messageId, Instant at);

    /** Messages whose time to live ran out undelivered: their payloads are dropped. */
    void markExpired(List<String> messageIds, Instant at);

    /** Forgets delivered and expired messages settled before the instant. */
    void purgeSettled(Instant before);

    /** Every message still stored, waiting or settled. */
    List<StoredMessage> messages();

    /** Stores a group with its members, replacing the one stored under its id. */
    void saveGroup(Group group);

    List<Group> groups();
}
