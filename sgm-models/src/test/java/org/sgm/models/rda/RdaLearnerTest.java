package org.sgm.models.rda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.FitContext;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.spi.LearnerContext;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.testing.SameDiffContext;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.core.train.ScoreGuidedDetector;

class RdaLearnerTest {

    @Test
    void outerStepRunsEveryInnerEpochsAndAtTheEndAndTrainsOnXMinusS() {
        FeatureMatrix x = SyntheticFixtures.subspace(90, 10, 8, 3).x();
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, 8);
        RdaLearner learner = new RdaLearner(new int[] {8, 4}, 0.5, 10);
        learner.build(sd, in, new ParamInit(1));
        List<Integer> replacedAt = new ArrayList<>();
        int[] epoch = {0};
        FeatureMatrix[] input = {x};
        LearnerContext ctx = new SameDiffContext(sd, x) {
            @Override
            public void replaceInput(FeatureMatrix rows) {
                replacedAt.add(epoch[0]);
                input[0] = rows;
                super.replaceInput(rows);
            }
        };
        for (epoch[0] = 1; epoch[0] <= 25; epoch[0]++) {
            learner.onEpochStart(ctx, epoch[0]);
        }
        epoch[0] = -1;
        learner.onTrainingEnd(ctx);
        assertEquals(List.of(11, 21, -1), replacedAt);
        INDArray expected = x.toINDArray().sub(learner.sparsePart());
        assertEquals(expected, input[0].toINDArray(), "the loop trains on L = X − S");
    }

    @Test
    void afterTrainingSIsNonZeroExactlyOnRowsWhoseResidualExceededLambda() {
        SyntheticFixtures.Labelled data = SyntheticFixtures.subspace(540, 60, 8, 7);
        RdaHyperparameters hp = HyperparameterJson.read(RdaHyperparameters.class,
                new RdaProvider(ScoreGuidedComponents.paper()).plain().defaults(), HyperparameterJson.read(
                        "{\"innerEpochs\": 5, \"training\": {\"epochs\": 20, \"batchSize\": 64, "
                                + "\"learningRate\": 0.003}}"));
        RdaLearner[] learner = new RdaLearner[1];
        ScoreGuidedDetector detector = new ScoreGuidedDetector("rda", hp, hp.training(), hp.guidance(),
                ScoreGuidedComponents.paper(), d -> learner[0] = new RdaLearner(new int[] {d, 10}, hp.lambda(d),
                        hp.innerEpochs()));
        detector.fit(data.x(), FitContext.of(42));
        INDArray s = learner[0].sparsePart();
        INDArray norms = learner[0].residualNorms();
        assertNotNull(s);
        double lambda = learner[0].lambda();
        int nonZero = 0;
        int anomalousNonZero = 0;
        for (int i = 0; i < data.x().rows(); i++) {
            double sNorm = s.getRow(i).norm2Number().doubleValue();
            double r = norms.getDouble(i);
            if (r > lambda) {
                assertEquals(r - lambda, sNorm, 1e-4 * r, "row " + i + ": ‖S_i‖ = ‖r_i‖ − λ");
                nonZero++;
                anomalousNonZero += data.anomaly()[i] ? 1 : 0;
            } else {
                assertEquals(0.0, sNorm, 0.0, "row " + i + " with ‖r_i‖ = " + r + " ≤ λ = " + lambda);
            }
        }
        // On this easy fixture the rows the decomposition sets apart are (nearly all) the 60 anomalies.
        assertTrue(nonZero >= 30 && nonZero < 100, nonZero + " rows with S ≠ 0");
        assertTrue(anomalousNonZero >= 0.9 * nonZero, anomalousNonZero + " of " + nonZero + " are anomalies");
    }

    @Test
    void thePercentileRuleGivesASparsePartToTheTopTenPercentOfTheRows() {
        SyntheticFixtures.Labelled data = SyntheticFixtures.subspace(540, 60, 8, 7);
        RdaHyperparameters hp = HyperparameterJson.read(RdaHyperparameters.class, RdaHyperparameters.defaults(),
                HyperparameterJson.read("{\"innerEpochs\": 5, \"training\": {\"epochs\": 20, \"batchSize\": 64}}"));
        assertEquals(90.0, hp.lambdaPercentile(), "the default rule");
        RdaLearner[] learner = new RdaLearner[1];
        ScoreGuidedDetector detector = new ScoreGuidedDetector("rda", hp, hp.training(), hp.guidance(),
                ScoreGuidedComponents.paper(), d -> learner[0] = new RdaLearner(new int[] {d, 10}, hp.lambda(d),
                        hp.lambdaPercentile(), hp.innerEpochs()));
        detector.fit(data.x(), FitContext.of(42));
        // λ is the 90th percentile of the last step's residual norms: 60 of the 600 rows lie above it.
        assertEquals(60, learner[0].sparseRowCount(), 1);
        double[] norms = learner[0].residualNorms().toDoubleVector();
        Arrays.sort(norms);
        assertEquals(norms[539] + 0.1 * (norms[540] - norms[539]), learner[0].lambda(), 1e-4 * learner[0].lambda());
    }

    @Test
    void spreadOuterStepsFallEveryTenthOfTheStepsEvenInASingleEpoch() {
        FeatureMatrix x = SyntheticFixtures.subspace(90, 10, 8, 3).x();
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, 8);
        RdaLearner learner = RdaLearner.spread(new int[] {8, 4}, 0.5, null, 10);
        learner.build(sd, in, new ParamInit(1));
        List<Long> replacedAt = new ArrayList<>();
        long[] step = {0};
        LearnerContext ctx = new SameDiffContext(sd, x) {
            @Override
            public void replaceInput(FeatureMatrix rows) {
                replacedAt.add(step[0]);
                super.replaceInput(rows);
            }
        };
        learner.onEpochStart(ctx, 1); // one epoch of 95 steps: epoch starts do nothing on this schedule
        for (step[0] = 1; step[0] <= 95; step[0]++) {
            learner.onStep(ctx, step[0], 95);
        }
        step[0] = -1;
        learner.onTrainingEnd(ctx);
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, -1L), replacedAt);
    }

    @Test
    void theAutomaticScheduleAlternatesInsideASingleEpoch() {
        // One epoch of 8 steps. On the epoch schedule S is only computed after training, so the autoencoder trains
        // on X throughout: exactly as a spread schedule whose λ is too large for any S. The automatic (spread)
        // schedule trains on X − S after its first outer step, so its fit differs.
        SyntheticFixtures.Labelled data = SyntheticFixtures.subspace(540, 60, 8, 7);
        String training = "\"training\": {\"epochs\": 1, \"batchSize\": 64, \"learningRate\": 0.003}";
        double[] spread = rdaScores(data.x(), "{" + training + "}");
        double[] epochs = rdaScores(data.x(), "{\"innerEpochs\": 1, " + training + "}");
        double[] noS = rdaScores(data.x(), "{\"lambdaPercentile\": null, \"lambdaScale\": 1e9, " + training + "}");
        assertArrayEquals(noS, epochs, 0, "the epoch schedule in one epoch trains on X only");
        assertFalse(Arrays.equals(epochs, spread), "the automatic schedule trains on X − S");
    }

    private static double[] rdaScores(FeatureMatrix x, String json) {
        RdaProvider provider = new RdaProvider(ScoreGuidedComponents.paper());
        RdaHyperparameters hp = HyperparameterJson.read(RdaHyperparameters.class, provider.plain().defaults(),
                HyperparameterJson.read(json));
        return provider.plain().create(hp).fit(x, FitContext.of(5)).score(x);
    }
}
