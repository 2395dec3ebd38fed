package org.sgm.eval.metrics;

import java.util.Arrays;

/**
 * The confusion counts at every distinct score threshold, highest threshold first: at threshold {@code t[i]} the rows
 * with {@code score >= t[i]} are flagged, {@code tp[i]} of them anomalies and {@code fp[i]} normals. A block of tied
 * scores is one threshold, as in scikit-learn's {@code _binary_clf_curve}. Every threshold metric and curve of this
 * package is read off these counts.
 */
final class ThresholdCounts {
    /** Distinct scores, descending. */
    final double[] threshold;
    /** Anomalies with a score at or above {@code threshold[i]}. */
    final long[] tp;
    /** Normals with a score at or above {@code threshold[i]}. */
    final long[] fp;
    /** Anomalies in all. */
    final long positives;
    /** Normals in all. */
    final long negatives;

    private ThresholdCounts(double[] threshold, long[] tp, long[] fp, long positives, long negatives) {
        this.threshold = threshold;
        this.tp = tp;
        this.fp = fp;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * @param metric the metric's name, for error messages
     * @param anomaly true for each anomalous row
     * @param score one finite score per row
     * @return the counts
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    static ThresholdCounts of(String metric, boolean[] anomaly, double[] score) {
        long positives = RankingMetrics.checkInputs(metric, anomaly, score);
        int p = (int) positives;
        double[] pos = new double[p];
        double[] neg = new double[score.length - p];
        int ip = 0;
        int in = 0;
        for (int i = 0; i < score.length; i++) {
            if (anomaly[i]) {
                pos[ip++] = score[i];
            } else {
                neg[in++] = score[i];
            }
        }
        // Two primitive sorts and a merge from the top: far cheaper than sorting boxed indices on 10⁵ rows.
        Arrays.sort(pos);
        Arrays.sort(neg);
        return ofSorted(pos, neg);
    }

    /**
     * @param pos the anomalies' finite scores, ascending, at least one
     * @param neg the normals' finite scores, ascending, at least one
     * @return the counts
     */
    static ThresholdCounts ofSorted(double[] pos, double[] neg) {
        int rows = pos.length + neg.length;
        double[] t = new double[rows];
        long[] tp = new long[rows];
        long[] fp = new long[rows];
        int a = pos.length - 1;
        int b = neg.length - 1;
        long tpc = 0;
        long fpc = 0;
        int m = 0;
        while (a >= 0 || b >= 0) {
            double v = Math.max(a >= 0 ? pos[a] : Double.NEGATIVE_INFINITY, b >= 0 ? neg[b] : Double.NEGATIVE_INFINITY);
            while (a >= 0 && pos[a] == v) {
                tpc++;
                a--;
            }
            while (b >= 0 && neg[b] == v) {
                fpc++;
                b--;
            }
            t[m] = v;
            tp[m] = tpc;
            fp[m] = fpc;
            m++;
        }
        return new ThresholdCounts(Arrays.copyOf(t, m), Arrays.copyOf(tp, m), Arrays.copyOf(fp, m), pos.length,
                neg.length);
    }

    /** @return the number of distinct thresholds */
    int size() {
        return threshold.length;
    }
}
