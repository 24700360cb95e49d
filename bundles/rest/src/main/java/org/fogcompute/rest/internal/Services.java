package org.fogcompute.rest.internal;

import java.util.function.Supplier;

/**
 * The coordinator's services as the API sees them: each may be absent for a moment (its bundle restarting), and a
 * call needing it then answers 503 instead of the whole API vanishing.
 */
final class Services {
    private Services() {
    }

    static <T> T require(Supplier<T> reference, String what) {
        T service = reference.get();
        if (service == null) {
            throw new ApiException(503, null, what + " is not available right now; retry shortly",
                    java.util.Map.of("Retry-After", "5"));
        }
        return service;
    }
}
