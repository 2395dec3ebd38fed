package org.sgm.eval.metrics;

/**
 * Metrics of anomaly scores that flag the rows above a threshold: precision@n, the best F1 over all thresholds, and
 * the F1 at the true contamination. Higher score = more anomalous; anomalies are the positive class.
 *
 * <p>Ties. Let {@code P} be the number of anomalies among the {@code n} rows.
 *
 * <ul>
 *   <li>{@link #precisionAtN}: the top {@code P} rows are flagged. When the {@code P}-th place falls inside a block
 *       of tied scores, the block's remaining places are filled in proportion to its anomalies, i.e. the expected
 *       precision over a uniformly random order within ties; the result does not depend on the input order.
 *   <li>{@link #f1AtContamination}: PyOD's rule ({@code BaseDetector._process_decision_scores}) with the test set's
 *       own contamination {@code c = P / n}: flag {@code score > percentile(scores, 100·(1 − c))} (NumPy's linear
 *       interpolation). That percentile lies strictly between the {@code (n−P)}-th and {@code (n−P+1)}-th smallest
 *       scores when they differ (its interpolation weight is {@code P/n}, never 0 or 1), so exactly the top {@code P}
 *       rows are flagged; when they are equal it is that tied value and the whole tied block stays unflagged. This
 *       class applies that rule exactly, without the floating-point percentile.
 *   <li>{@link #bestF1}: the maximum of {@code 2·TP / (TP + FP + P)} over the distinct thresholds (flag
 *       {@code score >= t}), i.e. the best point of scikit-learn's {@code precision_recall_curve}.
 * </ul>
 *
 * <p>With all scores distinct, flagging the top {@code P} rows makes precision equal to recall, so
 * {@code f1AtContamination == precisionAtN} (both are the R-precision); they differ only when tied scores straddle
 * the {@code P}-th place.
 */
public final class ThresholdMetrics {
    private ThresholdMetrics() {}

    /**
     * The fraction of anomalies among the {@code P} highest-scoring rows, {@code P} = the number of anomalies; tied
     * scores at the cut are shared in proportion (see the class comment).
     *
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return precision@n, in [0, 1]
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public static double precisionAtN(boolean[] anomaly, double[] score) {
        ThresholdCounts c = ThresholdCounts.of("precision@n", anomaly, score);
        long n = c.positives;
        long prevTp = 0;
        long prevFlagged = 0;
        for (int i = 0; i < c.size(); i++) {
            long flagged = c.tp[i] + c.fp[i];
            if (flagged >= n) {
                long block = flagged - prevFlagged;
                long blockAnomalies = c.tp[i] - prevTp;
                double tpAtN = prevTp + (double) (n - prevFlagged) * blockAnomalies / block;
                return tpAtN / n;
            }
            prevTp = c.tp[i];
            prevFlagged = flagged;
        }
        throw new IllegalStateException("unreachable: every row is flagged at the lowest threshold");
    }

    /**
     * The F1 score of the rows flagged at the test set's own contamination, by PyOD's strict-threshold rule (see the
     * class comment).
     *
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return the F1 score, in [0, 1] (0 when no row is flagged)
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public static double f1AtContamination(boolean[] anomaly, double[] score) {
        ThresholdCounts c = ThresholdCounts.of("F1 at contamination", anomaly, score);
        long p = c.positives;
        // Walk down to the block that holds the P-th highest row; it is flagged whole iff the P rows above the cut
        // end exactly at its lower edge (then the (n−P)-th and (n−P+1)-th smallest scores differ).
        long prevTp = 0;
        long prevFlagged = 0;
        for (int i = 0; i < c.size(); i++) {
            long flagged = c.tp[i] + c.fp[i];
            if (flagged >= p) {
                long tp = flagged == p ? c.tp[i] : prevTp;
                long f = flagged == p ? flagged : prevFlagged;
                return f1(tp, f, p);
            }
            prevTp = c.tp[i];
            prevFlagged = flagged;
        }
        throw new IllegalStateException("unreachable: every row is flagged at the lowest threshold");
    }

    /**
     * The highest F1 score over all thresholds {@code score >= t}.
     *
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return the best F1 score, in (0, 1]
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public static double bestF1(boolean[] anomaly, double[] score) {
        ThresholdCounts c = ThresholdCounts.of("best F1", anomaly, score);
        double best = 0;
        for (int i = 0; i < c.size(); i++) {
            best = Math.max(best, f1(c.tp[i], c.tp[i] + c.fp[i], c.positives));
        }
        return best;
    }

    /** @return 2·TP / (flagged + P), 0 when nothing is flagged */
    private static double f1(long tp, long flagged, long positives) {
        return flagged == 0 ? 0 : 2.0 * tp / (flagged + positives);
    }
}
