package org.fogcompute.api;

/** Base of the errors the coordinator reports to callers; each subtype maps to one kind of client error. */
public class FogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FogException(String message) {
        super(message);
    }
}
