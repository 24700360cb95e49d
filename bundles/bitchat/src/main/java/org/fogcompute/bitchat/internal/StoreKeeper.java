package org.fogcompute.bitchat.internal;

import java.time.Instant;
import java.util.List;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MessageStore;
import org.fogcompute.api.bitchat.RelayedMessage;

/** The mailboxes' changes written to the fleet's database. */
final class StoreKeeper implements Mailboxes.Keeper {
    private final MessageStore store;

    StoreKeeper(MessageStore store) {
        this.store = store;
    }

    @Override
    public void saved(List<RelayedMessage> messages) {
        store.saveMessages(messages);
    }

    @Override
    public void delivered(String messageId, Instant at) {
        store.markDelivered(messageId, at);
    }

    @Override
    public void expired(List<String> messageIds, Instant at) {
        store.markExpired(messageIds, at);
    }

    @Override
    public void purged(Instant before) {
        store.purgeSettled(before);
    }

    @Override
    public void group(Group group) {
        store.saveGroup(group);
    }
}
