package org.sgm.core.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sgm.core.threshold.TrainingScoreSummaryTest.count;

import org.junit.jupiter.api.Test;

/** The three rules: their cutoffs worked out by hand, the strict comparison, and refused parameters. */
class ThresholdTest {
    private static final double EPS = 1e-12;

    private static double[] oneToTwenty() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void contaminationFlagsThatShareOfTheTrainingRows() {
        double[] x = oneToTwenty();
        TrainingScoreSummary s = TrainingScoreSummary.of(x);
        assertEquals(19.05, Threshold.contamination(0.05).cutoff(s), EPS); // 0.95-quantile, h = 18.05
        assertEquals(1, count(Threshold.flag(x, Threshold.contamination(0.05).cutoff(s))));
        assertEquals(18.1, Threshold.contamination(0.1).cutoff(s), EPS);   // h = 17.1
        assertEquals(2, count(Threshold.flag(x, Threshold.contamination(0.1).cutoff(s))));
        assertEquals(10.5, Threshold.contamination(0.5).cutoff(s), EPS);
        assertEquals(10, count(Threshold.flag(x, Threshold.contamination(0.5).cutoff(s))));
    }

    @Test
    void madRuleIsMedianPlusKScaledMads() {
        // median 3, deviations 2, 1, 0, 1, 97 -> MAD 1
        TrainingScoreSummary s = TrainingScoreSummary.of(new double[] {1, 2, 3, 4, 100});
        assertEquals(3 + 3 * 1.4826, Threshold.mad().cutoff(s), EPS);
        assertEquals(3 + 3 * 1.4826, Threshold.mad(3).cutoff(s), EPS);
        assertEquals(3 + 0.5 * 1.4826, Threshold.mad(0.5).cutoff(s), EPS);
        assertArrayEquals(new boolean[] {false, false, false, true, true},
                Threshold.flag(new double[] {1, 2, 3, 4, 100}, Threshold.mad(0.5).cutoff(s)));
    }

    @Test
    void fixedNeedsNoSummaryAndTheOthersDo() {
        assertEquals(0.25, Threshold.fixed(0.25).cutoff(null), 0.0);
        assertTrue(!Threshold.fixed(1).needsTrainingScores());
        assertThrows(ThresholdUnavailableException.class, () -> Threshold.contamination(0.1).cutoff(null));
        assertThrows(ThresholdUnavailableException.class, () -> Threshold.mad().cutoff(null));
    }

    @Test
    void aScoreEqualToTheCutoffIsNormal() {
        assertArrayEquals(new boolean[] {false, false, true}, Threshold.flag(new double[] {1, 2, 2.0000001}, 2));
        assertTrue(!Threshold.isAnomaly(2, 2) && Threshold.isAnomaly(Math.nextUp(2.0), 2));
    }

    @Test
    void parametersOutOfRangeAreRefused() {
        for (double r : new double[] {0, -0.1, 0.5000001, 1, Double.NaN}) {
            InvalidThresholdException e = assertThrows(InvalidThresholdException.class,
                    () -> Threshold.contamination(r));
            assertTrue(e.getMessage().contains("(0, 0.5]"), e.getMessage());
        }
        for (double k : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertTrue(assertThrows(InvalidThresholdException.class, () -> Threshold.mad(k)).getMessage()
                    .contains("> 0"));
        }
        assertThrows(InvalidThresholdException.class, () -> Threshold.fixed(Double.NaN));
        assertThrows(InvalidThresholdException.class, () -> Threshold.fixed(Double.NEGATIVE_INFINITY));
        assertEquals("contamination 0.05", Threshold.contamination(0.05).describe());
        assertEquals("median + 3 MAD", Threshold.mad().describe());
    }
}
