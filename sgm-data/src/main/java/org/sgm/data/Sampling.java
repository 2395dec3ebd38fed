package org.sgm.data;

import java.util.SplittableRandom;

/**
 * Seeded sampling without replacement: the swap noise, the synthetic data's planted features, the baselines'
 * subsamples.
 */
public final class Sampling {

    private Sampling() {}

    /**
     * Partial Fisher–Yates: moves a uniformly random choice of {@code k} distinct elements to the front of
     * {@code values}, in the order drawn (the rest keep no particular order).
     *
     * @param values the elements, permuted in place
     * @param k how many to choose, at most {@code values.length}
     * @param random the seeded generator (k draws)
     */
    public static void chooseFirst(int[] values, int k, SplittableRandom random) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(values.length - i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
