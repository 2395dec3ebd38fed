package org.sgm.eval.baselines;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.data.Sampling;

/** Seeded uniform row sampling, for baselines whose cost is quadratic in the training rows. */
final class Subsample {
    private Subsample() {}

    /**
     * @param x the rows
     * @param max the most rows to keep
     * @param seed the seed of the draw
     * @return {@code x} itself if it has at most {@code max} rows, otherwise {@code max} distinct rows drawn
     *     uniformly without replacement (a partial Fisher–Yates shuffle), kept in their original order
     */
    static FeatureMatrix rows(FeatureMatrix x, int max, long seed) {
        int n = x.rows();
        if (n <= max) {
            return x;
        }
        int[] index = new int[n];
        Arrays.setAll(index, i -> i);
        Sampling.chooseFirst(index, max, new SplittableRandom(seed));
        int[] kept = Arrays.copyOf(index, max);
        Arrays.sort(kept);
        return x.selectRows(kept);
    }
}
