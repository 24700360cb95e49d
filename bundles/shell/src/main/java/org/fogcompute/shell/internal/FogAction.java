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
        requireServices();
        try {
            return run();
        } catch (FogException | IllegalArgumentException | IllegalStateException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    protected abstract Object run();

    /**
     * The fog services are optional references: Karaf registers a bundle's commands only when every command's
     * required services are there, so one stopped fog service would take the whole fog shell away, including the
     * commands that show what is wrong. A command whose own service is missing says so instead.
     */
    private void requireServices() throws CommandException {
        for (Class<?> type = getClass(); type != FogAction.class && type != null; type = type.getSuperclass()) {
            for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(org.apache.karaf.shell.api.action.lifecycle.Reference.class)
                        && field.getType().getName().startsWith("org.fogcompute.")
                        && !field.isAnnotationPresent(OptionalService.class)) {
                    field.setAccessible(true);
                    try {
                        if (field.get(this) == null) {
                            throw new CommandException(field.getType().getSimpleName() + " is not available right now "
                                    + "(its fog service is not running; see fog:service-list)");
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
