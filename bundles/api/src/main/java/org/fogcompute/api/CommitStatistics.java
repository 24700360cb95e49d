package org.fogcompute.api;

import java.time.Instant;

/**
 * What became of the coordinator's transactions since it started: committed, refused by the database for one of
 * their changes (that change's caller got the error, the others were committed apart), failed because the database
 * was unreachable or did not answer in time. The last failure's cause and time, null before the first.
 */
public record CommitStatistics(long committed, long refused, long unavailable, long retriedAlone,
                               String lastFailure, Instant lastFailureAt) {
    public static final CommitStatistics NONE = new CommitStatistics(0, 0, 0, 0, null, null);
}
