package org.fogcompute.api;

/** The request clashes with the current state (duplicate id, illegal lifecycle step). Nothing was changed. */
public class ConflictException extends FogException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
