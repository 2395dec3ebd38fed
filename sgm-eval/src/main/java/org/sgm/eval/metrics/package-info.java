/**
 * Evaluation metrics for anomaly scores. Scores are higher for more anomalous rows and anomalies are the positive
 * class; metrics read labels only after {@code fit} has returned.
 *
 * <p>{@link org.sgm.eval.metrics.RankingMetrics} (ROC-AUC, average precision) and
 * {@link org.sgm.eval.metrics.ThresholdMetrics} (precision@n, best F1, F1 at the true contamination) are checked
 * against scikit-learn; {@link org.sgm.eval.metrics.Metric} names them as files and specs do;
 * {@link org.sgm.eval.metrics.Curve} gives ROC and precision–recall points for plots. docs/report.md states every
 * tie rule.
 */
package org.sgm.eval.metrics;
