package org.fogcompute.api.bitchat;

import java.time.Instant;

/**
 * A message held for its recipient until it is delivered or its time to live runs out. The relay never reads
 * {@code payload}: it is encrypted by the sender for the recipient (base64). {@code groupId} names the group it was sent
 * to, if any; {@code relayNode} the onion relay it is delivered through when the sender asked for one.
 */
public record RelayedMessage(String id, String sender, String recipient, String groupId, String payload,
                             Instant sentAt, Instant expiresAt, String relayNode) {
}
