package org.sgm.eval.stats;

import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

/**
 * Per-dataset ranks of k models on N datasets: on each dataset the model with the highest score gets rank 1, tied
 * models share the average of the ranks they span (two models tied for first both get 1.5), as in Demšar (2006), §3.2.
 */
public final class Ranks {
    private static final NaturalRanking AVERAGE = new NaturalRanking(TiesStrategy.AVERAGE);

    private Ranks() {}

    /**
     * @param scores {@code scores[dataset][model]}, higher = better, every value finite
     * @return {@code ranks[dataset][model]}, 1 = best
     * @throws IllegalArgumentException if the table is empty or ragged, or holds a value that is not finite
     */
    public static double[][] perDataset(double[][] scores) {
        if (scores.length == 0 || scores[0].length == 0) {
            throw new IllegalArgumentException("ranks: need at least one dataset and one model");
        }
        int k = scores[0].length;
        double[][] ranks = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != k) {
                throw new IllegalArgumentException("ranks: dataset " + i + " has " + scores[i].length
                        + " models, dataset 0 has " + k);
            }
            double[] negated = new double[k];
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(scores[i][j])) {
                    throw new IllegalArgumentException("ranks: value of dataset " + i + ", model " + j + " is "
                            + scores[i][j]);
                }
                negated[j] = -scores[i][j];
            }
            ranks[i] = AVERAGE.apply(negated);
        }
        return ranks;
    }

    /**
     * @param ranks {@code ranks[dataset][model]}
     * @return each model's rank averaged over the datasets
     */
    public static double[] average(double[][] ranks) {
        double[] avg = new double[ranks[0].length];
        for (double[] row : ranks) {
            for (int j = 0; j < avg.length; j++) {
                avg[j] += row[j];
            }
        }
        for (int j = 0; j < avg.length; j++) {
            avg[j] /= ranks.length;
        }
        return avg;
    }
}
