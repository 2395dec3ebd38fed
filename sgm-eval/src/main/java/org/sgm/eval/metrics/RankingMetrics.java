package org.sgm.eval.metrics;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Threshold-free ranking metrics of anomaly scores against ground-truth labels. Scores follow the project's one
 * convention: higher = more anomalous; anomalies are the positive class.
 *
 * <p>Both metrics treat tied scores as one threshold, exactly as scikit-learn does, so a detector that gives many
 * rows the same score is neither rewarded nor punished by the (arbitrary) order of those rows:
 *
 * <ul>
 *   <li>{@link #rocAuc} is the Mann–Whitney statistic with average ranks for ties, which equals the area under the
 *       ROC curve drawn through the distinct thresholds ({@code sklearn.metrics.roc_auc_score});
 *   <li>{@link #averagePrecision} is the step-wise area under the precision–recall curve,
 *       {@code AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ} over the distinct thresholds in descending order
 *       ({@code sklearn.metrics.average_precision_score}).
 * </ul>
 *
 * <p>Both are undefined when the labels hold only one class; they then throw {@link UndefinedMetricException}
 * rather than return a number that would silently enter a results table.
 */
public final class RankingMetrics {
    private RankingMetrics() {}

    /**
     * The area under the ROC curve: the probability that a random anomaly scores above a random normal row, ties
     * counting one half.
     *
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return the ROC-AUC, in [0, 1]
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public static double rocAuc(boolean[] anomaly, double[] score) {
        long positives = checkInputs("ROC-AUC", anomaly, score);
        long negatives = anomaly.length - positives;
        // Ascending order; a block of tied scores shares the average of the ranks it spans.
        int[] order = ascending(score);
        double positiveRankSum = 0;
        int start = 0;
        while (start < order.length) {
            int end = endOfTies(order, score, start);
            double averageRank = (start + 1 + end) / 2.0; // ranks are 1-based: start+1 … end
            for (int k = start; k < end; k++) {
                if (anomaly[order[k]]) {
                    positiveRankSum += averageRank;
                }
            }
            start = end;
        }
        // Mann–Whitney U of the anomalies, normalised by the number of (anomaly, normal) pairs.
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /**
     * Average precision: the precision at each distinct score threshold, weighted by the recall gained there.
     *
     * @param anomaly true for each anomalous row
     * @param score one finite score per row, higher = more anomalous
     * @return the average precision, in (0, 1]
     * @throws IllegalArgumentException if the arrays differ in length or a score is not finite
     * @throws UndefinedMetricException if the labels do not hold both classes
     */
    public static double averagePrecision(boolean[] anomaly, double[] score) {
        long positives = checkInputs("average precision", anomaly, score);
        int[] order = ascending(score);
        // Walk the thresholds from the highest score down; the rows above each threshold are the predicted
        // anomalies. A block of tied scores is admitted at once, as one threshold.
        long truePositives = 0;
        long flagged = 0;
        double previousRecall = 0;
        double ap = 0;
        int end = order.length;
        while (end > 0) {
            int start = startOfTies(order, score, end);
            for (int k = start; k < end; k++) {
                if (anomaly[order[k]]) {
                    truePositives++;
                }
            }
            flagged += end - start;
            double recall = (double) truePositives / positives;
            double precision = (double) truePositives / flagged;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
            end = start;
        }
        return ap;
    }

    /**
     * Checks the inputs shared by every metric.
     *
     * @return the number of anomalies
     */
    static long checkInputs(String metric, boolean[] anomaly, double[] score) {
        if (anomaly == null || score == null) {
            throw new IllegalArgumentException(metric + ": labels and scores must not be null");
        }
        if (anomaly.length != score.length) {
            throw new IllegalArgumentException(metric + ": " + anomaly.length + " labels but " + score.length
                    + " scores (need one score per row)");
        }
        for (int i = 0; i < score.length; i++) {
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException(metric + ": score of row " + i + " is " + score[i]
                        + " (scores must be finite)");
            }
        }
        long positives = 0;
        for (boolean a : anomaly) {
            if (a) {
                positives++;
            }
        }
        if (anomaly.length == 0) {
            throw new UndefinedMetricException(metric + " is undefined: there are no rows (need both classes)");
        }
        if (positives == 0 || positives == anomaly.length) {
            throw new UndefinedMetricException(metric + " is undefined: the labels contain only "
                    + (positives == 0 ? "normals" : "anomalies") + " (need both classes)");
        }
        return positives;
    }

    /** @return the row indices sorted by ascending score */
    private static int[] ascending(double[] score) {
        return IntStream.range(0, score.length)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> score[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** @return one past the last position in {@code order} whose score equals that at {@code start} */
    private static int endOfTies(int[] order, double[] score, int start) {
        int end = start + 1;
        while (end < order.length && score[order[end]] == score[order[start]]) {
            end++;
        }
        return end;
    }

    /** @return the first position in {@code order} whose score equals that at {@code end - 1} */
    private static int startOfTies(int[] order, double[] score, int end) {
        int start = end - 1;
        while (start > 0 && score[order[start - 1]] == score[order[end - 1]]) {
            start--;
        }
        return start;
    }
}
