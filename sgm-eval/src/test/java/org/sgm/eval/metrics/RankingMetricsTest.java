package org.sgm.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sgm.core.SgmException;

class RankingMetricsTest {
    private static final double TOL = 1e-12;

    private static boolean[] labels(int... bits) {
        boolean[] out = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            out[i] = bits[i] == 1;
        }
        return out;
    }

    @Test
    void handComputedCase() {
        // Pairs (anomaly, normal): 0.35 beats 0.1, loses to 0.4; 0.8 beats both → 3/4.
        // Descending thresholds: 0.8 → P 1, R 1/2; 0.4 → P 1/2, R 1/2; 0.35 → P 2/3, R 1 → AP = 1/2 + 1/2·2/3.
        boolean[] y = labels(0, 0, 1, 1);
        double[] s = {0.1, 0.4, 0.35, 0.8};
        assertEquals(0.75, RankingMetrics.rocAuc(y, s), TOL);
        assertEquals(5.0 / 6.0, RankingMetrics.averagePrecision(y, s), TOL);
    }

    @Test
    void tiedScoresCountAsOneThreshold() {
        boolean[] y = labels(0, 1, 0, 1, 0);
        double[] s = {0.3, 0.3, 0.3, 0.3, 0.3};
        assertEquals(0.5, RankingMetrics.rocAuc(y, s), TOL);
        assertEquals(2.0 / 5.0, RankingMetrics.averagePrecision(y, s), TOL);
    }

    @Test
    void tieBetweenAnAnomalyAndANormalCountsOneHalf() {
        // The anomaly at 0.5 ties one normal (½) and beats the other (1) → (1 + ½ + 1 + 1) / 4.
        // Thresholds: 0.9 → P 1, R ½; 0.5 (two rows) → P 2/3, R 1 → AP = ½ + ½·2/3.
        boolean[] y = labels(1, 0, 1, 0);
        double[] s = {0.5, 0.5, 0.9, 0.1};
        assertEquals(3.5 / 4, RankingMetrics.rocAuc(y, s), TOL);
        assertEquals(0.5 + 0.5 * 2.0 / 3.0, RankingMetrics.averagePrecision(y, s), TOL);
    }

    @Test
    void perfectAndReversedRankings() {
        boolean[] y = labels(0, 1, 0, 0, 1);
        double[] perfect = {0.1, 0.9, 0.2, 0.3, 0.8};
        assertEquals(1.0, RankingMetrics.rocAuc(y, perfect), TOL);
        assertEquals(1.0, RankingMetrics.averagePrecision(y, perfect), TOL);
        double[] reversed = {0.9, 0.1, 0.8, 0.7, 0.2};
        assertEquals(0.0, RankingMetrics.rocAuc(y, reversed), TOL);
        // Anomalies found last, at ranks 4 and 5: AP = ½·(1/4) + ½·(2/5).
        assertEquals(0.5 * 0.25 + 0.5 * 0.4, RankingMetrics.averagePrecision(y, reversed), TOL);
    }

    @Test
    void shiftAndScaleDoNotMatter() {
        boolean[] y = labels(0, 0, 1, 1, 0, 1);
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.4, 0.1};
        double[] t = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            t[i] = 3 * s[i] - 7;
        }
        assertEquals(RankingMetrics.rocAuc(y, s), RankingMetrics.rocAuc(y, t), TOL);
        assertEquals(RankingMetrics.averagePrecision(y, s), RankingMetrics.averagePrecision(y, t), TOL);
    }

    @Test
    void rocAucIsTheFractionOfCorrectlyOrderedPairs() {
        // Independent definition: count (anomaly, normal) pairs, ties one half, on random scores with many ties.
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rng.nextInt(200);
            boolean[] y = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = i == 0 || (i != 1 && rng.nextDouble() < 0.3);
                s[i] = rng.nextInt(10) / 3.0;
            }
            double pairs = 0;
            double wins = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] && !y[j]) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertEquals(wins / pairs, RankingMetrics.rocAuc(y, s), TOL);
        }
    }

    // Reference values below were computed once with scikit-learn 1.2 (sklearn.metrics.roc_auc_score and
    // average_precision_score, version 1.2.1) on these exact inputs.

    @Test
    void matchesSklearnOnCoarseScoresWithManyTies() {
        boolean[] y = labels(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1);
        double[] s = {1.0, 1.25, 1.25, 1.0, 0.0, 0.25, 0.75, 0.0, 1.0, 0.5, 0.0, 0.25};
        assertEquals(0.17499999999999999, RankingMetrics.rocAuc(y, s), TOL);
        assertEquals(0.1388888888888889, RankingMetrics.averagePrecision(y, s), TOL);

        boolean[] y2 = labels(1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0);
        double[] s2 = {0.5, 0.5, 1.0, 0.0, 1.0, 0.25, 0.25, 0.75, 0.75, 0.0, 0.25, 0.25, 0.75, 0.5, 1.25, 0.75, 0.5,
            1.0, 1.0, 1.25};
        assertEquals(0.43000000000000005, RankingMetrics.rocAuc(y2, s2), TOL);
        assertEquals(0.48999999999999999, RankingMetrics.averagePrecision(y2, s2), TOL);

        boolean[] y3 = labels(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
                0);
        double[] s3 = {1.0, 1.0, 0.75, 0.75, 0.25, 0.5, 1.0, 1.0, 0.75, 1.25, 0.75, 0.25, 1.25, 1.0, 0.75, 1.0, 0.5,
            0.0, 1.0, 1.0, 1.0, 1.25, 0.25, 0.75, 0.5, 0.0, 0.5, 0.25, 0.0, 0.5};
        assertEquals(0.44099378881987572, RankingMetrics.rocAuc(y3, s3), TOL);
        assertEquals(0.21897860593512766, RankingMetrics.averagePrecision(y3, s3), TOL);
    }

    @Test
    void matchesSklearnOnContinuousScoresWithSomeTies() {
        boolean[] y = labels(0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0);
        double[] s = {-1.344, -0.458, -1.901, -0.187, -1.842, -1.53, -1.267, 0.271, 0.157, -0.187, -2.517, -1.53,
            -0.049, 0.113, -1.53, -0.478};
        assertEquals(0.34166666666666667, RankingMetrics.rocAuc(y, s), TOL);
        assertEquals(0.32608363858363859, RankingMetrics.averagePrecision(y, s), TOL);
    }

    @Test
    void oneClassOnlyIsUndefined() {
        SgmException normals = assertThrows(SgmException.class,
                () -> RankingMetrics.rocAuc(labels(0, 0, 0), new double[] {1, 2, 3}));
        assertEquals("ROC-AUC is undefined: the labels contain only normals (need both classes)",
                normals.getMessage());
        SgmException anomalies = assertThrows(SgmException.class,
                () -> RankingMetrics.averagePrecision(labels(1, 1), new double[] {1, 2}));
        assertTrue(anomalies.getMessage().contains("only anomalies"), anomalies.getMessage());
        assertThrows(SgmException.class, () -> RankingMetrics.rocAuc(new boolean[0], new double[0]));
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.rocAuc(labels(0, 1), new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.averagePrecision(labels(0, 1), new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.rocAuc(labels(0, 1), new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.averagePrecision(labels(0, 1), new double[] {Double.POSITIVE_INFINITY, 1}));
    }
}
