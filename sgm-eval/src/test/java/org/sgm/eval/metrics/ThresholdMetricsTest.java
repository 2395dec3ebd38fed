package org.sgm.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sgm.core.SgmException;

/**
 * Threshold metrics and curves against scikit-learn 1.2.1 / NumPy (reference numbers computed once, the script is in
 * the comment of each case) and against their definitions on random data.
 */
class ThresholdMetricsTest {
    private static final double TOL = 1e-12;

    /*
     * Case 1 (/usr/bin/python3, scikit-learn 1.2.1, NumPy):
     *   rng = np.random.RandomState(7); y = (rng.rand(40) < 0.25).astype(int)
     *   s = np.round(rng.randn(40) + 1.2*y, 1)                       # many ties
     *   roc_auc_score(y, s); average_precision_score(y, s)
     *   p, r, _ = precision_recall_curve(y, s); max(2pr/(p+r))        # best F1
     *   t = np.percentile(s, 100*(1 - y.mean())); f1_score(y, s > t)  # PyOD's contamination threshold
     *   roc_curve(y, s, drop_intermediate=False); precision_recall_curve(y, s) reversed
     */
    private static final int[] Y1 = {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0,
        0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final double[] S1 = {-0.9, -0.7, -1.2, 1.5, 1.8, -0.3, 0.8, 1.0, 0.6, -0.8, -1.7, -1.8, 0.4, 3.4,
        0.3, -0.5, 3.1, 0.2, 0.1, 1.5, -0.1, -0.3, -0.2, 0.5, -0.1, 2.4, -0.4, -1.9, -0.1, 1.7, 0.8, -0.9, -1.2, -1.1,
        -0.3, -1.2, 1.5, -0.3, 0.1, 1.4};

    /* Case 2, the same script on y = [1,0,1,0,0,1,0,0,0,0], s = [0.9,0.8,0.5,0.5,0.5,0.3,0.2,0.1,0.0,-0.1]: the tie
     * block at 0.5 straddles the third place (P = 3); np.percentile(s, 70) = 0.5, so PyOD flags only 0.9 and 0.8. */
    private static final int[] Y2 = {1, 0, 1, 0, 0, 1, 0, 0, 0, 0};
    private static final double[] S2 = {0.9, 0.8, 0.5, 0.5, 0.5, 0.3, 0.2, 0.1, 0.0, -0.1};

    @Test
    void caseOneMatchesScikitLearn() {
        boolean[] a = Metric.anomalies(Y1);
        assertEquals(0.7890625, RankingMetrics.rocAuc(a, S1), TOL);
        assertEquals(0.6308465085638999, RankingMetrics.averagePrecision(a, S1), TOL);
        assertEquals(0.59999999999999998, ThresholdMetrics.bestF1(a, S1), TOL);
        assertEquals(0.5, ThresholdMetrics.f1AtContamination(a, S1), TOL);
        // The 8th place ends exactly at the lower edge of the tie block at 1.5: the top 8 hold 4 anomalies.
        assertEquals(0.5, ThresholdMetrics.precisionAtN(a, S1), TOL);
    }

    @Test
    void caseOneCurvesMatchScikitLearn() {
        boolean[] a = Metric.anomalies(Y1);
        Curve roc = Curve.roc(a, S1);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0.03125, 0.0625, 0.125, 0.15625, 0.15625, 0.1875, 0.21875, 0.25,
            0.28125, 0.3125, 0.34375, 0.40625, 0.5, 0.5, 0.625, 0.65625, 0.6875, 0.71875, 0.75, 0.78125, 0.8125, 0.90625,
            0.9375, 0.96875, 1}, roc.x(), TOL);
        assertArrayEquals(new double[] {0, 0.125, 0.25, 0.375, 0.375, 0.375, 0.5, 0.5, 0.625, 0.75, 0.75, 0.75, 0.75,
            0.75, 0.75, 0.75, 0.75, 0.875, 0.875, 0.875, 0.875, 0.875, 0.875, 1, 1, 1, 1, 1, 1}, roc.y(), TOL);
        Curve pr = Curve.precisionRecall(a, S1);
        assertArrayEquals(new double[] {0, 0.125, 0.25, 0.375, 0.375, 0.375, 0.5, 0.5, 0.625, 0.75, 0.75, 0.75, 0.75,
            0.75, 0.75, 0.75, 0.75, 0.875, 0.875, 0.875, 0.875, 0.875, 0.875, 1, 1, 1, 1, 1, 1}, pr.x(), TOL);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0.75, 0.59999999999999998, 0.5, 0.44444444444444442, 0.5, 0.5,
            0.46153846153846156, 0.42857142857142855, 0.40000000000000002, 0.375, 0.35294117647058826,
            0.31578947368421051, 0.27272727272727271, 0.30434782608695654, 0.25925925925925924, 0.25,
            0.2413793103448276, 0.23333333333333334, 0.22580645161290322, 0.24242424242424243, 0.23529411764705882,
            0.21621621621621623, 0.21052631578947367, 0.20512820512820512, 0.20000000000000001}, pr.y(), TOL);
    }

    @Test
    void caseTwoTieStraddlingTheCut() {
        boolean[] a = Metric.anomalies(Y2);
        assertEquals(0.76190476190476186, RankingMetrics.rocAuc(a, S2), TOL);
        assertEquals(0.6333333333333333, RankingMetrics.averagePrecision(a, S2), TOL);
        assertEquals(0.66666666666666663, ThresholdMetrics.bestF1(a, S2), TOL);
        assertEquals(0.40000000000000002, ThresholdMetrics.f1AtContamination(a, S2), TOL);
        // By hand: 0.9 (anomaly), 0.8 (normal), then one of the three places at 0.5, of which 1 in 3 is an anomaly.
        assertEquals((1 + 1.0 / 3) / 3, ThresholdMetrics.precisionAtN(a, S2), TOL);
        Curve roc = Curve.roc(a, S2);
        assertArrayEquals(new double[] {0, 0, 0.14285714285714285, 0.42857142857142855, 0.42857142857142855,
            0.5714285714285714, 0.7142857142857143, 0.8571428571428571, 1}, roc.x(), TOL);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1, 1, 1, 1}, roc.y(), TOL);
        Curve pr = Curve.precisionRecall(a, S2);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.4, 0.5, 0.42857142857142855, 0.375, 1.0 / 3, 0.3}, pr.y(), TOL);
    }

    @Test
    void precisionAtNIsTheExpectationOverRandomTieBreaking() {
        // Independent definition: break ties at random many times, count anomalies among the top P, average.
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 5; trial++) {
            int n = 30 + rng.nextInt(30);
            boolean[] a = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = i < 3 || rng.nextDouble() < 0.2;
                s[i] = rng.nextInt(6) + (a[i] ? 1 : 0); // coarse: large tie blocks
            }
            a[n - 1] = false;
            int p = 0;
            for (boolean b : a) {
                p += b ? 1 : 0;
            }
            double sum = 0;
            int reps = 10_000;
            Integer[] idx = new Integer[n];
            double[] jitter = new double[n];
            for (int r = 0; r < reps; r++) {
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                    jitter[i] = rng.nextDouble();
                }
                Arrays.sort(idx, (i, j) -> s[i] != s[j] ? Double.compare(s[j], s[i]) : Double.compare(jitter[i],
                        jitter[j]));
                int hits = 0;
                for (int k = 0; k < p; k++) {
                    hits += a[idx[k]] ? 1 : 0;
                }
                sum += (double) hits / p;
            }
            assertEquals(sum / reps, ThresholdMetrics.precisionAtN(a, s), 0.005, "trial " + trial);
        }
    }

    @Test
    void withDistinctScoresF1AtContaminationEqualsPrecisionAtNAndBestF1BoundsBoth() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 10 + rng.nextInt(300);
            boolean[] a = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = i == 0 || (i > 1 && rng.nextDouble() < 0.1);
                s[i] = rng.nextGaussian() + (a[i] ? 1 : 0);
            }
            double pn = ThresholdMetrics.precisionAtN(a, s);
            assertEquals(pn, ThresholdMetrics.f1AtContamination(a, s), TOL);
            assertTrue(ThresholdMetrics.bestF1(a, s) >= pn - TOL);
        }
    }

    @Test
    void perfectAndInputOrder() {
        boolean[] a = {false, true, false, true};
        double[] s = {0.1, 0.9, 0.2, 0.8};
        assertEquals(1.0, ThresholdMetrics.precisionAtN(a, s), TOL);
        assertEquals(1.0, ThresholdMetrics.bestF1(a, s), TOL);
        assertEquals(1.0, ThresholdMetrics.f1AtContamination(a, s), TOL);
        // A permutation of the rows changes nothing.
        boolean[] a2 = {true, false, true, false};
        double[] s2 = {0.8, 0.2, 0.9, 0.1};
        assertEquals(ThresholdMetrics.precisionAtN(a, s), ThresholdMetrics.precisionAtN(a2, s2), TOL);
        // Everything tied: nothing is flagged by PyOD's strict rule, precision@n is the base rate.
        double[] flat = {1, 1, 1, 1};
        assertEquals(0.0, ThresholdMetrics.f1AtContamination(a, flat), TOL);
        assertEquals(0.5, ThresholdMetrics.precisionAtN(a, flat), TOL);
    }

    @Test
    void undefinedAndBadInputs() {
        assertThrows(UndefinedMetricException.class,
                () -> ThresholdMetrics.precisionAtN(new boolean[] {false, false}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdMetrics.bestF1(new boolean[] {true, false}, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Metric.anomalies(new int[] {0, 2}));
        Map<String, Double> m = Metric.computeAll(List.of(Metric.ROC_AUC, Metric.BEST_F1), new int[] {0, 0},
                new double[] {1, 2});
        assertTrue(m.get("roc_auc").isNaN() && m.get("best_f1").isNaN());
    }

    @Test
    void thinningKeepsEndsAndBoundsThePointCount() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 50_000;
        boolean[] a = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble() < 0.05;
            s[i] = rng.nextGaussian() + (a[i] ? 1.5 : 0);
        }
        Curve roc = Curve.roc(a, s);
        Curve thin = roc.thin(500);
        assertTrue(thin.size() <= 500, "points: " + thin.size());
        assertTrue(thin.size() >= 400, "points: " + thin.size());
        assertEquals(0.0, thin.x()[0]);
        assertEquals(1.0, thin.x()[thin.size() - 1]);
        assertEquals(1.0, thin.y()[thin.size() - 1]);
        // The thinned curve's trapezoid area stays within 0.005 of the ROC-AUC.
        double area = 0;
        for (int i = 1; i < thin.size(); i++) {
            area += (thin.x()[i] - thin.x()[i - 1]) * (thin.y()[i] + thin.y()[i - 1]) / 2;
        }
        assertEquals(RankingMetrics.rocAuc(a, s), area, 0.005);
        assertEquals(roc, roc.thin(roc.size()));
    }

    @Test
    void curvesFromSortedClassScoresAreTheSame() {
        boolean[] a = Metric.anomalies(Y1);
        double[] normal = IntStream.range(0, S1.length).filter(i -> !a[i]).mapToDouble(i -> S1[i])
                .sorted().toArray();
        double[] anomalous = IntStream.range(0, S1.length).filter(i -> a[i]).mapToDouble(i -> S1[i])
                .sorted().toArray();
        Curve[] both = Curve.rocAndPrecisionRecall(normal, anomalous);
        assertArrayEquals(Curve.roc(a, S1).x(), both[0].x(), 0);
        assertArrayEquals(Curve.roc(a, S1).y(), both[0].y(), 0);
        assertArrayEquals(Curve.precisionRecall(a, S1).x(), both[1].x(), 0);
        assertArrayEquals(Curve.precisionRecall(a, S1).y(), both[1].y(), 0);
        assertThrows(IllegalArgumentException.class, () -> Curve.rocAndPrecisionRecall(normal, new double[0]));
    }

    @Test
    void metricNames() {
        assertEquals(Metric.PRECISION_AT_N, Metric.byKey("precision_at_n"));
        assertThrows(SgmException.class, () -> Metric.byKey("auc"));
    }
}
