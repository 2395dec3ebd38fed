/**
 * Turning scores into decisions, outside every detector: a {@link org.sgm.core.threshold.Threshold} rule
 * (contamination, fixed, median + k·MAD) gives a score cutoff from the
 * {@link org.sgm.core.threshold.TrainingScoreSummary} a fitted model keeps of its own training scores; a row is an
 * anomaly when its score is strictly greater than the cutoff. See docs/thresholds.md.
 */
package org.sgm.core.threshold;
