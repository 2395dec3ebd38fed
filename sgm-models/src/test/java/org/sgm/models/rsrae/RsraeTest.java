package org.sgm.models.rsrae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.SameDiffNetwork;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.core.train.TrainingLoop;

class RsraeTest {

    @Test
    void hyperparametersRoundTripThroughJson() {
        RsraeHyperparameters hp = new RsraeHyperparameters(List.of(16, 8), 4, 0.5, 2, false, RsraeMetric.COSINE, 6,
                new TrainingConfig(7, 32, 1e-3, 0.5, false), ScoreGuidance.defaults().withLambdaDE(0.1));
        String json = HyperparameterJson.toJson(hp);
        assertTrue(json.contains("\"cosine\""), json);
        assertEquals(hp, HyperparameterJson.read(RsraeHyperparameters.class, RsraeHyperparameters.defaults(), json,
                "test"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> new RsraeHyperparameters(List.of(0), 0, -1, Double.NaN, true, null, 0,
                        new TrainingConfig(0, 1, 1e-3, 1, true), ScoreGuidance.defaults()));
        assertEquals(7, e.violations().size(), e.getMessage());
        for (String name : List.of("hiddenDims[0]", "intrinsicDim", "lambda1", "lambda2", "metric", "scorerHidden",
                "training.epochs")) {
            assertTrue(e.getMessage().contains(name), name + " missing in: " + e.getMessage());
        }
        InvalidHyperparametersException tooWide = assertThrows(InvalidHyperparametersException.class,
                () -> HyperparameterJson.read(RsraeHyperparameters.class, RsraeHyperparameters.defaults(),
                        "{\"hiddenDims\": [8, 4], \"intrinsicDim\": 5}", "test"));
        assertTrue(tooWide.getMessage().contains("intrinsicDim"), tooWide.getMessage());
    }

    @Test
    void stepsAlternateBetweenTheTwoObjectives() {
        RsraeLearner alternating = new RsraeLearner(8, new int[] {16}, 4, 1, 1, true, RsraeMetric.L2);
        assertEquals(Map.of(RsraeLearner.WEIGHT_AE, 1.0, RsraeLearner.WEIGHT_RSR, 0.0), alternating.stepInputs(0));
        assertEquals(Map.of(RsraeLearner.WEIGHT_AE, 0.0, RsraeLearner.WEIGHT_RSR, 1.0), alternating.stepInputs(1));
        assertEquals(Map.of(RsraeLearner.WEIGHT_AE, 1.0, RsraeLearner.WEIGHT_RSR, 1.0),
                new RsraeLearner(8, new int[] {16}, 4, 1, 1, false, RsraeMetric.L2).stepInputs(3));
    }

    @Test
    void latentRowsHaveUnitNormAndTrainingMakesTheRsrMatrixMoreOrthogonal() {
        FeatureMatrix train = SyntheticFixtures.subspace(540, 60, 8, 7).x();
        RsraeLearner learner = new RsraeLearner(8, new int[] {32, 64}, 10, 1, 1, true, RsraeMetric.L2);
        TrainingConfig training = new TrainingConfig(20, 64, 1e-3, 1.0, false);
        ScoreGuidance plain = ScoreGuidance.disabled();
        SameDiffNetwork net = SameDiffNetwork.build(learner, ScoreGuidedComponents.paper(), plain, training, 8, 11L);
        double before = orthogonalityPenalty(net);
        assertEquals(before, net.output(train.toINDArray(0, 2), RsraeLearner.ORTHOGONALITY).getDouble(0),
                1e-4 * before, "in-graph penalty");

        TrainingLoop.run(net, learner, null, train, training, plain, ScoreGuidedComponents.paper(), 5L, List.of());

        double after = orthogonalityPenalty(net);
        assertTrue(after < before / 2, "‖A Aᵀ − I‖² before " + before + ", after " + after);
        double[][] z = net.output(train.toINDArray(), RsraeLearner.LATENT).castTo(DataType.DOUBLE).toDoubleMatrix();
        for (double[] row : z) {
            double sq = 0;
            for (double v : row) {
                sq += v * v;
            }
            assertEquals(1.0, Math.sqrt(sq), 1e-5);
        }
    }

    /** ‖A Aᵀ − I_d‖_F² in plain arithmetic from the stored [D, d] matrix (the paper's Aᵀ). */
    private static double orthogonalityPenalty(SameDiffNetwork net) {
        double[][] a = net.graph().getVariable(RsraeLearner.RSR_MATRIX).getArr().castTo(DataType.DOUBLE)
                .toDoubleMatrix();
        int d = a[0].length;
        double sum = 0;
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                double g = 0;
                for (double[] row : a) {
                    g += row[p] * row[q];
                }
                g -= p == q ? 1 : 0;
                sum += g * g;
            }
        }
        return sum;
    }
}
