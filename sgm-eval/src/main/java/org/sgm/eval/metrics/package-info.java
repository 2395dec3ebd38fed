/**
 * Evaluation metrics for anomaly scores. Scores are higher for more anomalous rows and anomalies are the positive
 * class; metrics read labels only after {@code fit} has returned.
 */
package org.sgm.eval.metrics;
