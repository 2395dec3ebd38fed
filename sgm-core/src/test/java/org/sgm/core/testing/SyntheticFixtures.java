package org.sgm.core.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sgm.core.data.FeatureMatrix;

/** Small seeded data sets for tests: normal rows near a low-dimensional subspace, anomalies scattered around it. */
public final class SyntheticFixtures {
    private SyntheticFixtures() {}

    /**
     * A labelled, easy set.
     *
     * @param x the features
     * @param anomaly true for anomalies
     */
    public record Labelled(FeatureMatrix x, boolean[] anomaly) {
        /**
         * @param from first row
         * @param to one past the last row
         * @return those rows
         */
        public Labelled rows(int from, int to) {
            int[] idx = IntStream.range(from, to).toArray();
            return new Labelled(x.selectRows(idx), Arrays.copyOfRange(anomaly, from, to));
        }
    }

    /**
     * Normals are {@code z·P + noise} with z ~ N(0, I₂) and a fixed random projection P (2 × d); anomalies are
     * uniform in [−4, 4]^d. Rows are shuffled.
     *
     * @param normals number of normal rows
     * @param anomalies number of anomalies
     * @param d features
     * @param seed seed
     * @return the set
     */
    public static Labelled subspace(int normals, int anomalies, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = new double[2][d];
        for (double[] row : p) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        int n = normals + anomalies;
        double[][] rows = new double[n][d];
        boolean[] label = new boolean[n];
        for (int i = 0; i < normals; i++) {
            double z0 = rng.nextGaussian();
            double z1 = rng.nextGaussian();
            for (int j = 0; j < d; j++) {
                rows[i][j] = z0 * p[0][j] + z1 * p[1][j] + 0.1 * rng.nextGaussian();
            }
        }
        for (int i = normals; i < n; i++) {
            label[i] = true;
            for (int j = 0; j < d; j++) {
                rows[i][j] = rng.nextDouble(-4, 4);
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            double[] t = rows[i];
            rows[i] = rows[k];
            rows[k] = t;
            boolean b = label[i];
            label[i] = label[k];
            label[k] = b;
        }
        return new Labelled(FeatureMatrix.of(rows), label);
    }

    /**
     * ROC-AUC by the Mann–Whitney statistic with average ranks for ties (test helper; sgm-eval has the real one).
     *
     * @param anomaly labels
     * @param score scores, higher = more anomalous
     * @return the AUC
     */
    public static double auc(boolean[] anomaly, double[] score) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double[] rank = new double[score.length];
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j + 1 < idx.length && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[idx[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        long pos = 0;
        double sum = 0;
        for (int i = 0; i < anomaly.length; i++) {
            if (anomaly[i]) {
                pos++;
                sum += rank[i];
            }
        }
        long neg = anomaly.length - pos;
        return (sum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }
}
