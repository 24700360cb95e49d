package org.fogcompute.api.store;

import org.fogcompute.api.FogException;

/**
 * The database is reachable but refused a change (a value it cannot hold, a broken constraint). Unlike
 * {@link StoreUnavailableException} this is about the change, not the database: retrying the same change will fail
 * again, while other changes go through. Nothing was changed (HTTP 422).
 */
public class StoreRefusedException extends FogException {
    private static final long serialVersionUID = 1L;

    public StoreRefusedException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
