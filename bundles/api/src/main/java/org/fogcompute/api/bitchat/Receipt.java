package org.fogcompute.api.bitchat;

import java.time.Instant;

/** What the sender learns of a message: delivered (when), expired undelivered, or still waiting. */
public record Receipt(String messageId, String sender, String recipient, String groupId, Status status,
                      Instant sentAt, Instant at) {
    public enum Status {
        WAITING, DELIVERED, EXPIRED
    }
}
