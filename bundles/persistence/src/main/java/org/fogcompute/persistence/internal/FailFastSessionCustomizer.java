package org.fogcompute.persistence.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed on a lost connection, by default three times five seconds apart: a write
 * that looks a row up first then hangs for ten seconds while the database is down. The coordinator answers
 * "database unavailable" at once instead and keeps trying in the background itself.
 */
public class FailFastSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin) {
            DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
