package org.fogcompute.console.guard;

/**
 * What the guard in front of every web console page tells the pages behind it. The guard is a Felix
 * {@code WebConsoleSecurityProvider} service with the property {@link #MARKER}{@code =true}; for every request it lets
 * through it names the user's console session in the request attribute {@link #SESSION_ATTRIBUTE}, to which a page
 * can bind its form tokens.
 */
public final class ConsoleGuard {
    /** The service property of the guard's security provider. */
    public static final String MARKER = "fog.console.guard";
    /** The request attribute holding the id of the request's console session (a String). */
    public static final String SESSION_ATTRIBUTE = "org.fogcompute.console.session";

    private ConsoleGuard() {
    }
}
