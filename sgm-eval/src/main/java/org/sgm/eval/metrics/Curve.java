package org.sgm.eval.metrics;

import java.util.Arrays;

/**
 * The points of a ROC or precision–recall curve, in drawing order, one per distinct score threshold (plus the
 * starting point). Built by {@link #roc} and {@link #precisionRecall}; {@link #thin} bounds the number of points for
 * plotting.
 *
 * @param x false-positive rate (ROC) or recall (PR)
 * @param y true-positive rate (ROC) or precision (PR)
 */
public record Curve(double[] x, double[] y) {

    /**
     * @param x the x coordinates
     * @param y the y coordinates, as many
     */
    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve: " + x.length + " x values but " + y.length + " y values");
        }
    }

    /**
     * The ROC curve through every distinct threshold, from (0, 0) to (1, 1): scikit-learn's
     * {@code roc_curve(y, s, drop_intermediate=False)}.
     *
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return (false-positive rate, true-positive rate) points, thresholds descending
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public static Curve roc(boolean[] anomaly, double[] score) {
        return roc(ThresholdCounts.of("ROC curve", anomaly, score));
    }

    private static Curve roc(ThresholdCounts c) {
        double[] x = new double[c.size() + 1];
        double[] y = new double[c.size() + 1];
        for (int i = 0; i < c.size(); i++) {
            x[i + 1] = (double) c.fp[i] / c.negatives;
            y[i + 1] = (double) c.tp[i] / c.positives;
        }
        return new Curve(x, y);
    }

    /**
     * The precision–recall curve as scikit-learn (1.1 and later) draws it with {@code precision_recall_curve}: the
     * point (recall 0, precision 1), then one point per distinct threshold from the highest down.
     *
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return (recall, precision) points, recall non-decreasing
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public static Curve precisionRecall(boolean[] anomaly, double[] score) {
        return precisionRecall(ThresholdCounts.of("precision-recall curve", anomaly, score));
    }

    /**
     * Both curves from scores already split by class and sorted, so that a caller plotting large score sets sorts
     * them once.
     *
     * @param normalAscending the normal rows' finite scores, ascending, at least one
     * @param anomalousAscending the anomalous rows' finite scores, ascending, at least one
     * @return {@code {roc, precisionRecall}}, as {@link #roc} and {@link #precisionRecall} give them
     * @throws IllegalArgumentException if a class is empty
     */
    public static Curve[] rocAndPrecisionRecall(double[] normalAscending, double[] anomalousAscending) {
        if (normalAscending.length == 0 || anomalousAscending.length == 0) {
            throw new IllegalArgumentException("curves need scores of both classes, got " + normalAscending.length
                    + " normal and " + anomalousAscending.length + " anomalous");
        }
        ThresholdCounts c = ThresholdCounts.ofSorted(anomalousAscending, normalAscending);
        return new Curve[] {roc(c), precisionRecall(c)};
    }

    private static Curve precisionRecall(ThresholdCounts c) {
        double[] x = new double[c.size() + 1];
        double[] y = new double[c.size() + 1];
        y[0] = 1;
        for (int i = 0; i < c.size(); i++) {
            x[i + 1] = (double) c.tp[i] / c.positives;
            y[i + 1] = (double) c.tp[i] / (c.tp[i] + c.fp[i]);
        }
        return new Curve(x, y);
    }

    /** @return the number of points */
    public int size() {
        return x.length;
    }

    /**
     * Keeps at most about {@code maxPoints} points, spaced evenly along the curve's length (Manhattan distance in
     * the unit square): a point is kept once the path since the last kept point reaches {@code length / (maxPoints −
     * 1)}. The first and last points are always kept, so the curve still starts and ends where it did.
     *
     * @param maxPoints the most points wanted, at least 2
     * @return this curve if it is short enough, else a thinned copy
     */
    public Curve thin(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        }
        if (x.length <= maxPoints) {
            return this;
        }
        double length = 0;
        for (int i = 1; i < x.length; i++) {
            length += Math.abs(x[i] - x[i - 1]) + Math.abs(y[i] - y[i - 1]);
        }
        double step = length / (maxPoints - 1);
        double[] tx = new double[maxPoints + 1];
        double[] ty = new double[maxPoints + 1];
        tx[0] = x[0];
        ty[0] = y[0];
        int m = 1;
        double since = 0;
        for (int i = 1; i < x.length - 1; i++) {
            since += Math.abs(x[i] - x[i - 1]) + Math.abs(y[i] - y[i - 1]);
            if (since >= step && m < maxPoints - 1) {
                tx[m] = x[i];
                ty[m] = y[i];
                m++;
                since = 0;
            }
        }
        tx[m] = x[x.length - 1];
        ty[m] = y[y.length - 1];
        m++;
        return new Curve(Arrays.copyOf(tx, m), Arrays.copyOf(ty, m));
    }
}
