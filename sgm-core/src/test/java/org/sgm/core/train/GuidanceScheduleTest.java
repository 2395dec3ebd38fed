package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;

/**
 * The guidance's schedule inside the one loop: the warm-up steps train without the guidance, and τ is re-estimated
 * from the current weights every {@code refreshEvery} steps inside an epoch (only at epoch starts when 0, the
 * paper). A stub network whose metric grows with every step it took makes each re-estimate visible in the
 * thresholds the steps receive.
 */
class GuidanceScheduleTest {

    /** Metric of row i after k steps: (i + 1)·(k + 1); records each step's τ and whether it guided. */
    private static final class GrowingMetric extends StubNetwork {
        final List<Double> taus = new ArrayList<>();
        final List<Boolean> guides = new ArrayList<>();
        int stepsTaken;

        @Override
        public void evaluate(float[] x, int rows, float[] metric, float[] score, int offset) {
            for (int r = 0; r < rows; r++) {
                // Column 0 holds the row's index + 1, so the metric is known whichever rows were sampled.
                metric[offset + r] = x[r * 2] * (stepsTaken + 1);
                if (score != null) {
                    score[offset + r] = 0;
                }
            }
        }

        @Override
        public StepLosses step(float[] x, int rows, double threshold, double muRef, int epoch, boolean guide) {
            taus.add(threshold);
            guides.add(guide);
            stepsTaken++;
            return new StepLosses(1, 1, 0);
        }
    }

    private static GrowingMetric run(int rows, int epochs, double warmup, int refreshEvery) {
        double[][] data = new double[rows][2];
        for (int i = 0; i < rows; i++) {
            data[i][0] = i + 1;
        }
        GrowingMetric net = new GrowingMetric();
        // Batches of 4 rows: rows / 4 steps per epoch.
        TrainingLoop.run(net, null, null, FeatureMatrix.of(data), new TrainingConfig(epochs, 4, 1e-3, 1.0, false),
                new ScoreGuidance(0.01, 20, 6, 90.0, null, warmup, refreshEvery), ScoreGuidedComponents.paper(), 3L,
                List.of());
        return net;
    }

    @Test
    void tauIsReestimatedEveryRefreshIntervalInsideAnEpoch() {
        List<Double> t = run(40, 1, 0, 3).taus;
        assertEquals(10, t.size());
        assertEquals(36.1, t.get(0), 1e-4, "the epoch starts with τ of the weights then");
        for (int k = 1; k < t.size(); k++) {
            if (k % 3 == 0) {
                // All 40 rows are used (fewer than the sample size): exactly the 90th percentile after k steps.
                assertEquals(36.1 * (k + 1), t.get(k), 1e-3, "step " + k);
            } else {
                assertEquals(t.get(k - 1), t.get(k), "step " + k + " keeps the last τ");
            }
        }
    }

    @Test
    void zeroKeepsThePapersOneThresholdPerEpoch() {
        List<Double> t = run(40, 2, 0, 0).taus;
        assertEquals(20, t.size());
        for (int k = 0; k < 10; k++) {
            assertEquals(36.1, t.get(k), 1e-4);
            assertEquals(36.1 * 11, t.get(10 + k), 1e-3, "epoch 2: τ after the 10 steps of epoch 1");
        }
    }

    @Test
    void theWarmupStepsDoNotGuideAndTheGuidanceStartsWithAFreshTau() {
        GrowingMetric net = run(40, 2, 0.25, 0); // 20 steps, the first 5 without guidance
        for (int k = 0; k < 20; k++) {
            assertEquals(k >= 5, net.guides.get(k), "step " + k);
        }
        assertEquals(36.1 * 6, net.taus.get(5), 1e-3, "τ re-estimated when the guidance starts (after 5 steps)");
        assertEquals(36.1 * 6, net.taus.get(9), 1e-3, "and kept for the rest of the epoch");
        assertFalse(run(40, 1, 0, 0).guides.contains(false), "no warm-up: every step guides");
    }

    @Test
    void largeTrainingSetsAreSampledReproducibly() {
        int rows = 4 * TrainingLoop.THRESHOLD_SAMPLE;
        List<Double> a = run(rows, 1, 0, 1000).taus;
        assertEquals(a, run(rows, 1, 0, 1000).taus, "same seed, same sampled thresholds");
        double exact = 0.9 * (rows - 1) + 1;
        assertEquals(exact, a.get(0), 1e-3, "epoch start: every row");
        double sampled = a.get(1000) / 1001;
        assertTrue(sampled != exact, "a sample, not the full pass");
        assertEquals(exact, sampled, 0.02 * rows, "a sample of 4,096 rows estimates the percentile closely");
    }
}
