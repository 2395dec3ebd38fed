package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.spi.MlpScoringNetwork;
import org.sgm.core.testing.SyntheticFixtures;

/** The correctness guard of the fused SG-AE path: the SameDiff graph on the same weights and batch is the oracle. */
class FusedAutoencoderNetworkTest {
    private static final int[] WIDTHS = {12, 9, 5};
    private final FeatureMatrix data = SyntheticFixtures.subspace(720, 80, 12, 3).x();
    private final TrainingConfig training = new TrainingConfig(5, 64, 1e-2, 1.0, false);

    private SameDiffNetwork graph(ScoreGuidance g) {
        return SameDiffNetwork.build(new DenseAutoencoder(WIDTHS), ScoreGuidedComponents.paper(), g, training, 12, 11,
                DataType.DOUBLE);
    }

    private FusedAutoencoderNetwork fused(ScoreGuidance g) {
        return new FusedAutoencoderNetwork(new DenseAutoencoder(WIDTHS), MlpScoringNetwork.paper(), g, training, 11,
                DataType.DOUBLE);
    }

    @Test
    void sameInitialWeightsAndNames() {
        Map<String, INDArray> a = graph(ScoreGuidance.defaults()).state();
        Map<String, INDArray> b = fused(ScoreGuidance.defaults()).state();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, arr) -> assertEquals(arr, b.get(name), name));
    }

    @Test
    void lossAndEveryGradientMatchTheGraph() {
        for (ScoreGuidance g : new ScoreGuidance[] {ScoreGuidance.defaults(), ScoreGuidance.disabled(),
            new ScoreGuidance(0.5, 20, 6, 70)}) {
            for (int rows : new int[] {64, 613}) {
                assertGradientsMatch(g, data.toINDArray(0, rows).castTo(DataType.DOUBLE));
            }
        }
    }

    private void assertGradientsMatch(ScoreGuidance g, INDArray x) {
        SameDiffNetwork oracle = graph(g);
        FusedAutoencoderNetwork fast = fused(g);
        float[] metric = new float[(int) x.rows()];
        oracle.evaluate(x, metric, null, 0);
        double tau = org.sgm.core.spi.PercentileLabeler.percentile(metric, g.percentile());
        OutAndGrad expected = oracle.gradients(x, tau, 0.0123);
        StepLosses got = fast.gradients(x, tau, 0.0123);
        String where = "λ_DE = " + g.lambdaDE() + ", " + x.rows() + " rows";
        double expectedTotal = expected.getOutputs().values().iterator().next().getDouble(0);
        // SameDiff keeps scalar constants such as λ_DE in single precision, hence 1e-7 rather than 1e-15.
        assertEquals(expectedTotal, got.total(), 1e-7 * Math.abs(expectedTotal), "loss, " + where);
        Map<String, INDArray> grads = fast.gradientViews();
        int compared = 0;
        for (Map.Entry<String, INDArray> e : expected.getGradients().entrySet()) {
            INDArray want = e.getValue();
            INDArray have = grads.get(e.getKey()).reshape(want.shape());
            double scale = Math.max(1e-12, want.norm2Number().doubleValue());
            double err = want.sub(have).norm2Number().doubleValue() / scale;
            assertTrue(err < 1e-5, e.getKey() + ": relative error " + err + " (" + where + ")");
            compared++;
        }
        assertEquals(grads.size(), compared, "every parameter has a gradient, " + where);
    }

    @Test
    void identicalScoresAfterSeveralSteps() {
        ScoreGuidance g = ScoreGuidance.defaults();
        SameDiffNetwork oracle = graph(g);
        FusedAutoencoderNetwork fast = fused(g);
        for (int step = 0; step < 6; step++) {
            int rows = step % 2 == 0 ? 30 : 100;
            INDArray x = data.toINDArray(step * 30, step * 30 + rows).castTo(DataType.DOUBLE);
            oracle.step(x, 2.0, 0.01 * step, 1);
            fast.step(x, 2.0, 0.01 * step, 1);
        }
        float[] m1 = new float[data.rows()];
        float[] s1 = new float[data.rows()];
        float[] m2 = new float[data.rows()];
        float[] s2 = new float[data.rows()];
        TrainingLoop.forwardPass(oracle, data, m1, s1);
        TrainingLoop.forwardPass(fast, data, m2, s2);
        assertArrayEquals(s1, s2, 1e-6f);
        assertArrayEquals(m1, m2, 1e-6f);
    }

    @Test
    void scoreOnlyPathEqualsTheFullForwardPass() {
        FusedAutoencoderNetwork fast = fused(ScoreGuidance.defaults());
        float[] metric = new float[data.rows()];
        float[] full = new float[data.rows()];
        float[] scoreOnly = new float[data.rows()];
        TrainingLoop.forwardPass(fast, data, metric, full);
        TrainingLoop.scorePass(fast, data, scoreOnly);
        assertArrayEquals(full, scoreOnly, 0f);
    }
}
