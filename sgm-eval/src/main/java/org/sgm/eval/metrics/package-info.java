/**
 * Evaluation metrics for anomaly scores. Scores are higher for more anomalous rows and anomalies are the positive
 * class; metrics read labels only after {@code fit} has returned.
 *
 * <p>{@link RankingMetrics} (ROC-AUC, average precision) and
 * {@link ThresholdMetrics} (precision@n, best F1, F1 at the true contamination) are checked
 * against scikit-learn; {@link Metric} names them as files and specs do;
 * {@link Curve} gives ROC and precision–recall points for plots. docs/report.md states every
 * tie rule.
 */
package org.sgm.eval.metrics;
