package org.sgm.models;

import org.junit.jupiter.api.Test;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.EngineOracle;
import org.sgm.models.dagmm.DagmmLearner;
import org.sgm.models.dsvdd.DsvddLearner;
import org.sgm.models.rda.RdaLearner;
import org.sgm.models.rsrae.RsraeLearner;
import org.sgm.models.rsrae.RsraeMetric;

/**
 * Every built-in backbone's fast version against its SameDiff graph, the oracle: same arrays and initial weights,
 * same learner state after the hooks, losses and every gradient within 1e-6 relative in double precision, guided
 * (λ_DE = 0.5, so that the guidance term weighs) and plain, and the same scores after a few steps.
 */
class EngineOracleTest {
    private static final ScoreGuidance GUIDED = new ScoreGuidance(0.5, 20, 6, 80.0);
    private final FeatureMatrix data = SyntheticFixtures.subspace(280, 40, 10, 3).x();

    @Test
    void deepSvdd() {
        EngineOracle.check(d -> new DsvddLearner(new int[] {d, 12, 6}, 0), data, GUIDED, 1);
    }

    @Test
    void deepSvddWithWeightDecay() {
        EngineOracle.check(d -> new DsvddLearner(new int[] {d, 7, 5, 4}, 1e-2), data, GUIDED, 2);
    }

    @Test
    void robustDeepAutoencoderWithItsOuterSteps() {
        // λ small enough that the ℓ2,1 step leaves a non-zero S on some rows, one inner epoch per outer step.
        EngineOracle.check(d -> new RdaLearner(new int[] {d, 8, 4}, 0.8, 1), data, GUIDED, 3);
    }

    @Test
    void robustDeepAutoencoderWithOuterStepsInsideEpochs() {
        // The automatic schedule: outer steps after optimizer steps, the input replaced in mid-epoch.
        EngineOracle.check(d -> RdaLearner.spread(new int[] {d, 8, 4}, 0.8, null, 4), data, GUIDED, 3);
    }

    @Test
    void rsraeAlternating() {
        EngineOracle.check(d -> new RsraeLearner(d, new int[] {12, 8}, 3, 0.1, 0.1, true, RsraeMetric.L2), data,
                GUIDED, 4);
    }

    @Test
    void rsraeJointWithTheCosineMetric() {
        EngineOracle.check(d -> new RsraeLearner(d, new int[] {9}, 4, 0.2, 0.05, false, RsraeMetric.COSINE), data,
                GUIDED, 5);
    }

    @Test
    void dagmm() {
        EngineOracle.check(d -> new DagmmLearner(new int[] {d, 8, 2}, 6, 3, 0.1, 0.005, 1e-6), data, GUIDED, 6);
    }

    @Test
    void dagmmWithTheDefaultShape() {
        EngineOracle.check(d -> new DagmmLearner(new int[] {d, 60, 30, 10, 1}, 10, 4, 0.1, 0.005, 1e-6, 1.0), data,
                GUIDED, 7);
    }
}
