package org.fogcompute.api.scheduling;

import org.osgi.annotation.versioning.ProviderType;

/** The learnt model of task durations and outcomes that ADAPTIVE and SLA scheduling use, with its measured error. */
@ProviderType
public interface CompletionPredictions {
    PredictionError error();
}
