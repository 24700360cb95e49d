package org.fogcompute.api;

/** An id names no known node, task or strategy. Nothing was changed. */
public class NotFoundException extends FogException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException node(String id) {
        return new NotFoundException("unknown node '" + id + "'");
    }

    public static NotFoundException task(String id) {
        return new NotFoundException("unknown task '" + id + "'");
    }
}
