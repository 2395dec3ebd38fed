package org.sgm.core.spi;

import java.util.Arrays;
import org.sgm.core.hyper.ScoreGuidance;

/**
 * The paper's pseudo-labeller: τ is the ε-th percentile of the metric over the training set, with linear
 * interpolation between order statistics (NumPy's default, as the authors' code uses).
 */
public final class PercentileLabeler implements PseudoLabeler {

    @Override
    public double threshold(float[] metric, ScoreGuidance g) {
        return percentile(metric, g.percentile());
    }

    /**
     * @param values the values (not modified)
     * @param p the percentile in [0, 100]
     * @return the p-th percentile, linearly interpolated (NumPy's {@code percentile} default)
     */
    public static double percentile(float[] values, double p) {
        return percentiles(values, p)[0];
    }

    /**
     * @param values the values (not modified)
     * @param ps percentiles in [0, 100]
     * @return each percentile as {@link #percentile} gives it, from one sorted copy
     */
    public static double[] percentiles(float[] values, double... ps) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[ps.length];
        for (int k = 0; k < ps.length; k++) {
            out[k] = sortedPercentile(sorted, ps[k]);
        }
        return out;
    }

    private static double sortedPercentile(float[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = rank - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }
}
