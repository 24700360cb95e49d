package org.fogcompute.api.privacy;

import org.fogcompute.api.ConflictException;

/** No circuit can be planned over the fleet as it is now; the message says which constraint could not be met. */
public class NoPrivacyPathException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public NoPrivacyPathException(String message) {
        super(message);
    }
}
