package org.fogcompute.api.store;

import org.fogcompute.api.FogException;

/** The database could not take a write; nothing was changed. Clients should retry later (HTTP 503). */
public class StoreUnavailableException extends FogException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
