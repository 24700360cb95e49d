package org.fogcompute.api.bitchat;

import org.fogcompute.api.FogException;

/** A recipient's mailbox holds as many messages as it may: nothing was stored (HTTP 429: retry once it drains). */
public class MailboxFullException extends FogException {
    private static final long serialVersionUID = 1L;

    public MailboxFullException(String message) {
        super(message);
    }
}
