package org.fogcompute.api.bitchat;

import java.util.List;

/** A group of peers: a message sent to it is stored once for each member but the sender, and for no one else. */
public record Group(String id, String owner, List<String> members) {
    public Group {
        members = List.copyOf(members);
    }
}
