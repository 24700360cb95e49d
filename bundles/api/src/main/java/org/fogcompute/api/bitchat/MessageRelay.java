package org.fogcompute.api.bitchat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The message relay (L5). Senders and recipients are peers of the directory (nodes that published a peer record). A
 * message is stored before the send is answered and kept until its recipient acknowledges it or its time to live runs
 * out (a sweeper removes expired ones); a restart loses none within its time to live.
 */
@ProviderType
public interface MessageRelay {

    /**
     * Stores a message for a recipient, or for every member of a group but the sender (all or none: a full mailbox
     * refuses the whole send).
     *
     * @param to         a peer's node id, or {@code group:<id>}
     * @param payload    the encrypted message, base64, at most {@link #MAX_PAYLOAD} characters
     * @param ttlSeconds 1..the configured maximum
     * @param viaRelay   deliver through an onion relay chosen by the planner
     * @throws MailboxFullException                 a recipient's mailbox is full
     * @throws org.fogcompute.api.NotFoundException a recipient or group that does not exist
     */
    List<RelayedMessage> send(String sender, String to, String payload, long ttlSeconds, boolean viaRelay);

    /** The largest payload, in base64 characters. */
    int MAX_PAYLOAD = 32_000;

    /** The messages waiting for a recipient, oldest first. */
    List<RelayedMessage> inbox(String recipient, int limit);

    /** The recipient has the message: it is removed and its sender's receipt says delivered. */
    Receipt acknowledge(String recipient, String messageId);

    /** The receipts of a sender's messages, newest first (kept for a day after delivery or expiry). */
    List<Receipt> receipts(String sender, int limit);

    /** Creates a group owned by its creator, who is a member. */
    Group createGroup(String owner, String id, List<String> members);

    Optional<Group> group(String id);

    /** Replaces a group's members (its owner, who stays a member, or an admin). */
    Group setMembers(String caller, boolean admin, String id, List<String> members);

    /** How many messages wait per recipient (only recipients with any). */
    Map<String, Integer> mailboxDepths();
}
