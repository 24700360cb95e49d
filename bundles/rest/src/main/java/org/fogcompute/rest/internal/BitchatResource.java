package org.fogcompute.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.bitchat.Group;
import org.fogcompute.api.bitchat.MessageRelay;
import org.fogcompute.api.bitchat.Receipt;
import org.fogcompute.api.bitchat.RelayedMessage;

/**
 * /api/bitchat: the message relay between the peers of the directory. Nodes send as themselves, read and acknowledge
 * their own inbox, see the receipts of what they sent and manage the groups they own; a group is visible to its
 * members only. Admins see mailbox depths (who receives how much, never what) and any group.
 */
final class BitchatResource {
    private final Supplier<MessageRelay> relay;

    BitchatResource(Supplier<MessageRelay> relay) {
        this.relay = relay;
    }

    /** {@code to}: a peer's node id or {@code group:<id>}; {@code payload}: encrypted for the recipients, base64. */
    record Send(String to, String payload, Long ttlSeconds, Boolean viaRelay) {
    }

    record NewGroup(String id, List<String> members) {
    }

    record Members(List<String> members) {
    }

    void register(Router router) {
        router.post("/bitchat/messages", Access.ANY_NODE, "Send a message to a peer or to a group's members", this::send)
                .tag("bitchat").body(Send.class).returns(RelayedMessage.class).status(201).errors(404, 429);
        router.get("/bitchat/inbox", Access.ANY_NODE, "Read the messages waiting for the calling node",
                this::inbox).tag("bitchat").query("limit").returns(RelayedMessage.class);
        router.post("/bitchat/messages/{messageId}/ack", Access.ANY_NODE, "Acknowledge a message received", this::ack).tag("bitchat").returns(Receipt.class)
                .errors(404, 409);
        router.get("/bitchat/receipts", Access.ANY_NODE, "Read the receipts of the calling node's messages", this::receipts).tag("bitchat").query("limit").returns(Receipt.class);
        router.post("/bitchat/groups", Access.ANY_NODE, "Create a group of peers, owned by the calling node",
                this::createGroup).tag("bitchat").body(NewGroup.class).returns(Group.class).status(201).errors(409);
        router.get("/bitchat/groups/{groupId}", Access.ANY_NODE, "Read a group (its members, or an admin)",
                this::group).tag("bitchat").returns(Group.class).errors(404);
        router.put("/bitchat/groups/{groupId}/members", Access.ANY_NODE, "Replace a group's members (its owner, or "
                + "an admin)", this::members).tag("bitchat").body(Members.class).returns(Group.class).errors(404);
        router.get("/bitchat/mailboxes", Access.ADMIN, "Read how many messages wait per peer", this::mailboxes)
                .tag("bitchat");
    }

    private MessageRelay relay() {
        return Services.require(relay, "the message relay (bitchat)");
    }

    /** The node calling, or the admin's name (an admin is no peer: sends are refused, reads are empty). */
    private static String peer(Call call) {
        return call.caller().isNode() ? call.caller().nodeId() : call.caller().name();
    }

    private Object send(Call call) {
        call.allowQuery(Set.of());
        Send body = call.body(Send.class);
        long ttl = body.ttlSeconds() == null ? 86_400 : body.ttlSeconds();
        return new Route.Reply(201, relay().send(peer(call), body.to(), body.payload(), ttl,
                Boolean.TRUE.equals(body.viaRelay())));
    }

    private Object inbox(Call call) {
        call.allowQuery(Set.of("limit"));
        return relay().inbox(peer(call), call.queryInt("limit", 100, 1, 1000));
    }

    private Object ack(Call call) {
        call.allowQuery(Set.of());
        return relay().acknowledge(peer(call), call.id("messageId"));
    }

    private Object receipts(Call call) {
        call.allowQuery(Set.of("limit"));
        return relay().receipts(peer(call), call.queryInt("limit", 100, 1, 1000));
    }

    private Object createGroup(Call call) {
        call.allowQuery(Set.of());
        NewGroup body = call.body(NewGroup.class);
        if (!call.caller().isNode()) {
            throw ApiException.forbidden("groups are created by the peers that message in them");
        }
        return new Route.Reply(201, relay().createGroup(peer(call), body.id(), body.members()));
    }

    private Object group(Call call) {
        call.allowQuery(Set.of());
        String id = call.id("groupId");
        return relay().group(id).filter(g -> call.caller().isAdmin() || g.members().contains(peer(call)))
                .orElseThrow(() -> new NotFoundException("no group '" + id + "' of which you are a member"));
    }

    private Object members(Call call) {
        call.allowQuery(Set.of());
        Members body = call.body(Members.class);
        return relay().setMembers(peer(call), call.caller().isAdmin(), call.id("groupId"), body.members());
    }

    private Object mailboxes(Call call) {
        call.allowQuery(Set.of());
        Map<String, Integer> depths = relay().mailboxDepths();
        return depths;
    }
}
