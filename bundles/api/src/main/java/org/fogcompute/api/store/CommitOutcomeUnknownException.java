package org.fogcompute.api.store;

/**
 * The database stopped answering while it was committing: the change may or may not have been applied. The
 * coordinator then reloads its fleet from the database before it takes reads or writes again, so that what it holds
 * is what was committed; a client should read before it retries (HTTP 503).
 */
public class CommitOutcomeUnknownException extends StoreUnavailableException {
    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
