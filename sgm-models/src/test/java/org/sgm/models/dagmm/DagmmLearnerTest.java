package org.sgm.models.dagmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.testing.SameDiffContext;
import org.sgm.core.spi.ParamInit;

/** The metric's GMM constants: estimated over the whole training input, refreshed by the hooks, used by m. */
class DagmmLearnerTest {
    private static final double EPS = 1e-6;

    @Test
    void metricIsTheEnergyUnderTheWholeTrainingSetGmmAndFollowsTheWeights() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] rows = new double[300][5];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        FeatureMatrix data = FeatureMatrix.of(rows);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 5);
        DagmmLearner learner = new DagmmLearner(new int[] {5, 4, 2}, 6, 3, 0.1, 0.005, EPS);
        learner.build(sd, x, new ParamInit(1));
        LearnerContext ctx = new SameDiffContext(sd, data);

        learner.onEpochStart(ctx, 1);
        double fresh = worstErrorAgainstReference(sd, data);
        assertTrue(fresh < 1e-4, "float32 metric vs double reference energy, worst relative error " + fresh);

        // New weights: the stale constants no longer describe the memberships; the end-of-training hook re-estimates.
        sd.getVariable("est1_W").getArr().muli(3.0);
        double stale = worstErrorAgainstReference(sd, data);
        assertTrue(stale > 1e-2, "stale constants should not match the new reference, error " + stale);
        learner.onTrainingEnd(ctx);
        double refreshed = worstErrorAgainstReference(sd, data);
        assertTrue(refreshed < 1e-4, "after the refresh, worst relative error " + refreshed);
    }

    private static double worstErrorAgainstReference(SameDiff sd, FeatureMatrix data) {
        Map<String, INDArray> out = sd.output(Map.of("x", data.toINDArray()), DagmmLearner.LATENT,
                DagmmLearner.GAMMA, DagmmLearner.METRIC);
        double[][] z = out.get(DagmmLearner.LATENT).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] gamma = out.get(DagmmLearner.GAMMA).castTo(DataType.DOUBLE).toDoubleMatrix();
        ReferenceGmm ref = ReferenceGmm.fit(z, gamma, EPS);
        INDArray metric = out.get(DagmmLearner.METRIC);
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            double expected = ref.energy(z[i]);
            double err = Math.abs(expected - metric.getDouble(i)) / Math.max(1, Math.abs(expected));
            worst = Math.max(worst, err);
        }
        return worst;
    }

    @Test
    void withTheDefaultGuardTheMostCentralRowsDoNotGetHugeRelativeErrors() {
        // z-scored data: the origin is the most typical row. With δ = 1e-6 its relative error ‖x − x̂‖/‖x‖ is about
        // 10⁶·‖x̂‖ (the largest of all rows); with the default δ = 1 it is at most ‖x̂‖.
        double[] relative = new double[2];
        double[] guards = {1e-6, DagmmHyperparameters.defaults().normGuard()};
        for (int g = 0; g < 2; g++) {
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 5);
            new DagmmLearner(new int[] {5, 4, 1}, 6, 3, 0.1, 0.005, EPS, guards[g]).build(sd, x, new ParamInit(1));
            INDArray rows = Nd4j.create(new float[][] {{0, 0, 0, 0, 0}, {2, -1, 0.5f, 1, -2}});
            INDArray z = sd.output(Map.of("x", rows), DagmmLearner.LATENT).get(DagmmLearner.LATENT);
            relative[g] = z.getDouble(0, 1);
            if (g == 0) {
                assertTrue(z.getDouble(0, 1) > 1e3 * z.getDouble(1, 1), "δ = 1e-6: the origin's is by far the largest");
            }
        }
        assertTrue(relative[0] > 1e4, "δ = 1e-6: " + relative[0]);
        assertTrue(relative[1] < 10, "δ = 1: " + relative[1]);
        assertEquals(1e-6, DagmmHyperparameters.paper().normGuard(), "the paper preset keeps the original");
    }
}
