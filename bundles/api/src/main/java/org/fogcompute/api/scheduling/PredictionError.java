package org.fogcompute.api.scheduling;

/**
 * How well completion predictions matched what happened, over a rolling window of completed tasks.
 *
 * @param predictions                   predictions scored (0: no figure is meaningful yet; the others are NaN)
 * @param medianAbsolutePercentageError median of |actual − predicted| / actual duration (durations are scored on
 *                                      successful runs only: a failed run stopped part-way)
 * @param meanAbsoluteLogRatio          mean of |ln(actual / predicted)|
 * @param intervalCoverage              share of durations inside the predicted 90 % interval
 * @param brier                         Brier score of the predicted success probability (0 best)
 * @param brierSkill                    1 − brier / brier of always predicting the fleet-wide rate (above 0: better)
 */
public record PredictionError(int predictions, double medianAbsolutePercentageError, double meanAbsoluteLogRatio,
                              double intervalCoverage, double brier, double brierSkill) {
}
