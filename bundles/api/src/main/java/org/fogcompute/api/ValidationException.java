package org.fogcompute.api;

/** A request carries a value that is not allowed; {@link #field()} names it. Nothing was changed. */
public class ValidationException extends FogException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
