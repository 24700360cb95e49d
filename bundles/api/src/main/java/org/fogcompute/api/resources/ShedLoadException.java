package org.fogcompute.api.resources;

import org.fogcompute.api.FogException;

/** Refused to protect the runtime (memory pressure); nothing changed. HTTP 503 with Retry-After. */
public class ShedLoadException extends FogException {
    private static final long serialVersionUID = 1L;

    public ShedLoadException(String message) {
        super(message);
    }
}
