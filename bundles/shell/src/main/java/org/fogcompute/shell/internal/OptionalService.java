package org.fogcompute.shell.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A fog service a command uses when present and does without otherwise: its absence is not an error. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface OptionalService {
}
