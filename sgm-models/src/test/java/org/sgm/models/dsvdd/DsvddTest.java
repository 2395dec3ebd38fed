package org.sgm.models.dsvdd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.SameDiffNetwork;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.core.train.TrainingLoop;

class DsvddTest {

    @Test
    void hyperparametersRoundTripThroughJson() {
        DsvddHyperparameters hp = new DsvddHyperparameters(List.of(40, 20), 8, 1e-6, 5,
                new TrainingConfig(7, 32, 1e-3, 0.5, false), ScoreGuidance.defaults().withLambdaDE(0.1));
        String json = HyperparameterJson.toJson(hp);
        DsvddHyperparameters back = HyperparameterJson.read(DsvddHyperparameters.class,
                DsvddHyperparameters.defaults(), json, "test");
        assertEquals(hp, back);
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> new DsvddHyperparameters(List.of(0), 0, -1, 0, new TrainingConfig(0, 1, 1e-3, 1, true),
                        ScoreGuidance.defaults()));
        assertEquals(5, e.violations().size(), e.getMessage());
        for (String name : List.of("hiddenDims[0]", "repDim", "weightDecay", "scorerHidden", "training.epochs")) {
            assertTrue(e.getMessage().contains(name), name + " missing in: " + e.getMessage());
        }
    }

    @Test
    void smallCentreCoordinatesArePushedToPlusOrMinusEps() {
        assertArrayEquals(new double[] {0.1, -0.1, 0.1, 0.5, -0.3, 0.1, -0.1},
                DsvddLearner.awayFromZero(new double[] {0.05, -0.05, 0, 0.5, -0.3, 0.1, -0.1}, 0.1), 0.0);
    }

    @Test
    void savedCentreIsTheInitialOutputMeanPushedAwayFromZero() {
        FeatureMatrix train = SyntheticFixtures.subspace(270, 30, 8, 7).x();
        int[] widths = {8, 16, 24};
        DsvddLearner learner = new DsvddLearner(widths, 0);
        TrainingConfig training = new TrainingConfig(3, 64, 1e-3, 1.0, false);
        ScoreGuidance guidance = ScoreGuidance.disabled();
        SameDiffNetwork net = SameDiffNetwork.build(learner, ScoreGuidedComponents.paper(), guidance, training,
                widths[0], 3L);
        double[] mean = initialOutputMean(net.graph(), train, widths);

        TrainingLoop.run(net, learner, net.hooks(train), train, training, guidance, ScoreGuidedComponents.paper(),
                1L, List.of());

        double[] centre = net.state().get(DsvddLearner.CENTER).castTo(DataType.DOUBLE).toDoubleVector();
        assertEquals(widths[2], centre.length);
        int pushed = 0;
        for (int j = 0; j < centre.length; j++) {
            assertTrue(Math.abs(centre[j]) >= 0.1 - 1e-7, "coordinate " + j + " = " + centre[j]);
            if (Math.abs(mean[j]) < 0.1) {
                pushed++;
                assertEquals(mean[j] < 0 ? -0.1 : 0.1, centre[j], 1e-7, "coordinate " + j);
            } else {
                assertEquals(mean[j], centre[j], 1e-5, "coordinate " + j);
            }
        }
        assertTrue(pushed > 0 && pushed < centre.length, "both cases must occur, pushed " + pushed);
    }

    /** The forward pass ReLU(x·W0)·W1 in plain double arithmetic from the untrained weights, averaged over rows. */
    private static double[] initialOutputMean(SameDiff sd, FeatureMatrix x, int[] widths) {
        double[][] w0 = sd.getVariable("svdd0_W").getArr().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] w1 = sd.getVariable("svdd1_W").getArr().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] sum = new double[widths[2]];
        for (int i = 0; i < x.rows(); i++) {
            float[] row = x.row(i);
            double[] h = new double[widths[1]];
            for (int k = 0; k < widths[1]; k++) {
                for (int j = 0; j < widths[0]; j++) {
                    h[k] += row[j] * w0[j][k];
                }
                h[k] = Math.max(0, h[k]);
            }
            for (int o = 0; o < widths[2]; o++) {
                for (int k = 0; k < widths[1]; k++) {
                    sum[o] += h[k] * w1[k][o];
                }
            }
        }
        for (int o = 0; o < sum.length; o++) {
            sum[o] /= x.rows();
        }
        return sum;
    }
}
