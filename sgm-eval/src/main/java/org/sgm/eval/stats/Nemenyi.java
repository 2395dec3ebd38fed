package org.sgm.eval.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The Nemenyi post-hoc test after a Friedman test (Demšar 2006, §3.2.2): two of k models on N datasets differ
 * significantly at α = 0.05 when their average ranks differ by at least the critical difference
 *
 * <pre>
 *   CD = q_α · sqrt(k(k + 1) / (6N)),     q_α = the studentized range quantile q(1 − α; k, ∞) / √2.
 * </pre>
 *
 * <p>q_0.05 for k = 2..50 is a table: no maintained Java library provides the studentized range distribution. The
 * values were computed once with SciPy 1.10.1,
 * {@code [scipy.stats.studentized_range.ppf(0.95, k, np.inf) / np.sqrt(2) for k in range(2, 51)]}; for k = 2..10
 * they agree with Demšar's Table 5(a) (1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164) to its three
 * decimals, and a test recomputes them by numerical integration.
 */
public final class Nemenyi {
    /** The significance level of {@link #Q05}. */
    public static final double ALPHA = 0.05;

    /** q_0.05 for k = 2, 3, …, 50 models (index k − 2). */
    private static final double[] Q05 = {1.959964, 2.343701, 2.569032, 2.727774, 2.849705, 2.948320, 3.030878,
        3.101730, 3.163684, 3.218654, 3.268004, 3.312739, 3.353618, 3.391230, 3.426041, 3.458425, 3.488685, 3.517073,
        3.543799, 3.569040, 3.592946, 3.615646, 3.637252, 3.657861, 3.677556, 3.696413, 3.714498, 3.731869, 3.748578,
        3.764672, 3.780193, 3.795179, 3.809664, 3.823680, 3.837254, 3.850413, 3.863181, 3.875579, 3.887627, 3.899344,
        3.910747, 3.921852, 3.932673, 3.943224, 3.953518, 3.963566, 3.973379, 3.982969, 3.992343};

    /** The largest number of models the table covers. */
    public static final int MAX_MODELS = Q05.length + 1;

    private Nemenyi() {}

    /**
     * @param k the number of models, 2..{@link #MAX_MODELS}
     * @return q_0.05 for k models
     * @throws IllegalArgumentException outside the table
     */
    public static double q05(int k) {
        if (k < 2 || k > MAX_MODELS) {
            throw new IllegalArgumentException("Nemenyi q_0.05 is tabulated for 2.." + MAX_MODELS + " models, got "
                    + k);
        }
        return Q05[k - 2];
    }

    /**
     * @param k the number of models, 2..{@link #MAX_MODELS}
     * @param n the number of datasets, at least 1
     * @return the critical difference of average ranks at α = 0.05
     */
    public static double criticalDifference(int k, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Nemenyi critical difference: need at least one dataset, got " + n);
        }
        return q05(k) * Math.sqrt(k * (k + 1.0) / (6.0 * n));
    }

    /**
     * The groups a critical-difference diagram joins with a bar: maximal runs of models, in order of average rank,
     * whose best and worst average ranks differ by less than {@code cd} (so no pair inside is significantly
     * different). Runs of one model are left out; a run contained in another is left out.
     *
     * @param sortedRanks average ranks in ascending order
     * @param cd the critical difference
     * @return each group as {@code {first, last}} indices into {@code sortedRanks}, in ascending order of first
     */
    public static List<int[]> cliques(double[] sortedRanks, double cd) {
        List<int[]> out = new ArrayList<>();
        int lastEnd = -1;
        for (int i = 0; i < sortedRanks.length; i++) {
            int j = i;
            while (j + 1 < sortedRanks.length && sortedRanks[j + 1] - sortedRanks[i] < cd) {
                j++;
            }
            if (j > i && j > lastEnd) {
                out.add(new int[] {i, j});
                lastEnd = j;
            }
        }
        return out;
    }
}
