package org.sgm.core.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import org.sgm.core.hyper.HyperparameterJson;

/** Quantiles, median and MAD of the training scores against values worked out by hand and against Commons Math. */
class TrainingScoreSummaryTest {
    private static final double EPS = 1e-12;

    @Test
    void quantilesInterpolateLinearlyBetweenOrderStatistics() {
        // sorted 1, 2, 3, 4; h = 3q
        TrainingScoreSummary s = TrainingScoreSummary.of(new double[] {4, 1, 3, 2});
        assertEquals(1.0, s.quantile(0), EPS);
        assertEquals(4.0, s.quantile(1), EPS);
        assertEquals(2.5, s.quantile(0.5), EPS);   // h = 1.5
        assertEquals(1.75, s.quantile(0.25), EPS); // h = 0.75
        assertEquals(3.85, s.quantile(0.95), EPS); // h = 2.85
        assertEquals(1.3, s.quantile(0.1), EPS);   // h = 0.3
        assertEquals(2.5, s.median(), EPS);
        assertEquals(1.0, s.mad(), EPS);           // |x - 2.5| = 1.5, .5, .5, 1.5 -> median 1
        assertEquals(4, s.count());
    }

    @Test
    void tiesAndAZeroMad() {
        // sorted 1, 1, 1, 5
        TrainingScoreSummary s = TrainingScoreSummary.of(new double[] {1, 5, 1, 1});
        assertEquals(1.0, s.median(), EPS);
        assertEquals(2.0, s.quantile(0.75), EPS);  // h = 2.25: 1 + .25 * 4
        assertEquals(1.0, s.quantile(0.6), EPS);   // h = 1.8, between two tied values
        assertEquals(0.0, s.mad(), EPS);           // deviations 0, 0, 0, 4
        // with MAD 0 the MAD rule's cutoff is the median: the tied rows are not flagged, the 5 is
        double cutoff = Threshold.mad().cutoff(s);
        assertEquals(1.0, cutoff, EPS);
        assertEquals(1, count(Threshold.flag(new double[] {1, 5, 1, 1}, cutoff)));
    }

    @Test
    void oneScore() {
        TrainingScoreSummary s = TrainingScoreSummary.of(new double[] {-2.5});
        for (double q : new double[] {0, 0.3, 0.95, 1}) {
            assertEquals(-2.5, s.quantile(q), 0.0);
        }
        assertEquals(0.0, s.mad(), 0.0);
    }

    @Test
    void betweenStoredLevelsTheStoredQuantilesAreInterpolated() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        TrainingScoreSummary s = TrainingScoreSummary.of(x);
        assertEquals(19.05, s.quantile(0.95), EPS);  // h = 19 * .95 = 18.05
        assertEquals(19.069, s.quantile(0.951), EPS); // h = 18.069
        assertEquals((19.05 + 19.069) / 2, s.quantile(0.9505), EPS);
        assertThrows(IllegalArgumentException.class, () -> s.quantile(1.01));
        assertThrows(IllegalArgumentException.class, () -> s.quantile(Double.NaN));
    }

    @Test
    void agreesWithNumpysRuleAsImplementedByCommonsMath() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n : new int[] {2, 7, 999, 1001, 4321}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // some ties: values rounded to a coarse grid
                x[i] = Math.round(Math.exp(rng.nextGaussian()) * 20) / 20.0;
            }
            TrainingScoreSummary s = TrainingScoreSummary.of(x);
            Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
            r7.setData(x);
            double[] q = s.quantiles();
            assertEquals(TrainingScoreSummary.POINTS, q.length);
            for (int k = 1; k < TrainingScoreSummary.POINTS; k++) {
                assertEquals(r7.evaluate(k / 10.0), q[k], 1e-9, "n = " + n + ", level " + k + "/1000");
            }
            assertEquals(r7.evaluate(50), s.median(), 1e-12);
            double[] dev = new double[n];
            for (int i = 0; i < n; i++) {
                dev[i] = Math.abs(x[i] - s.median());
            }
            assertEquals(new Percentile().withEstimationType(EstimationType.R_7).evaluate(dev, 50), s.mad(), 1e-12);
        }
    }

    @Test
    void refusesNoScoresAndNonFiniteOnes() {
        assertThrows(IllegalArgumentException.class, () -> TrainingScoreSummary.of(new double[0]));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TrainingScoreSummary.of(new double[] {1, Double.NaN})).getMessage().contains("score 1"));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingScoreSummary.of(new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void jsonRoundTripIsExactAndMalformedJsonIsRefused() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = rng.doubles(500).map(v -> v * v * 1e-3 + 1e-9 * v).toArray();
        TrainingScoreSummary s = TrainingScoreSummary.of(x);
        String json = HyperparameterJson.mapper().writeValueAsString(s.toJson());
        TrainingScoreSummary back = TrainingScoreSummary.fromJson(HyperparameterJson.read(json));
        assertEquals(s, back);
        assertEquals(s.quantile(0.987654), back.quantile(0.987654), 0.0);

        ObjectNode shortArray = s.toJson();
        ((ArrayNode) shortArray.get("quantiles")).remove(5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingScoreSummary.fromJson(shortArray))
                .getMessage().contains("1001"));
        ObjectNode decreasing = s.toJson();
        ((ArrayNode) decreasing.get("quantiles")).set(500, decreasing.get("quantiles").get(0).asDouble() - 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingScoreSummary.fromJson(decreasing))
                .getMessage().contains("index 500"));
        ObjectNode noCount = s.toJson();
        noCount.remove("count");
        assertThrows(IllegalArgumentException.class, () -> TrainingScoreSummary.fromJson(noCount));
        ObjectNode negativeMad = s.toJson();
        negativeMad.put("mad", -1.0);
        assertThrows(IllegalArgumentException.class, () -> TrainingScoreSummary.fromJson(negativeMad));
    }

    static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
