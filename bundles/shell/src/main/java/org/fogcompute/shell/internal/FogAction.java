package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.fogcompute.api.FogException;

/**
 * Base of the {@code fog:*} commands: a user error (unknown id, bad value, illegal step) is reported as a
 * {@link CommandException}, which Karaf prints as a plain message without logging a stack trace at ERROR.
 */
abstract class FogAction implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (FogException | IllegalArgumentException | IllegalStateException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    protected abstract Object run();
}
