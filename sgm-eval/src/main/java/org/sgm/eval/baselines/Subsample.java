package org.sgm.eval.baselines;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sgm.core.data.FeatureMatrix;

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
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] kept = Arrays.copyOf(index, max);
        Arrays.sort(kept);
        return x.selectRows(kept);
    }
}
