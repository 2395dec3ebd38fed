package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.FitContext;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.ScoreGuidance.TestScore;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.spi.PercentileLabeler;
import org.sgm.core.testing.SyntheticFixtures;

/**
 * The combined test score ({@code guidance.testScore = "scorer+metric"}): the sum of φ and m, each mapped by the
 * training rows' median and ε-th percentile; the paper's test score (φ alone) where asked for; both engines; saved
 * and restored with the model.
 */
class TestScoreCalibrationTest {
    private record Params(String engine) {}

    private final FeatureMatrix train = SyntheticFixtures.subspace(300, 30, 8, 2).x();
    private final FeatureMatrix test = SyntheticFixtures.subspace(120, 20, 8, 2).x();

    private static ScoreGuidedDetector detector(String engine, TestScore testScore) {
        TrainingConfig training = new TrainingConfig(3, 32, 3e-3, 1.0, false).withEngine(engine);
        ScoreGuidance guidance = new ScoreGuidance(0.5, 20, 6, 80.0, null, 0.0, 0, testScore);
        return new ScoreGuidedDetector("m", new Params(engine), training, guidance, ScoreGuidedComponents.paper(),
                d -> new DenseAutoencoder(new int[] {d, 4}));
    }

    @Test
    void theScoreIsTheSumOfTheStandardisedScorerAndMetric() {
        for (String engine : new String[] {"fast", "samediff"}) {
            ScoreGuidedModel model = (ScoreGuidedModel) detector(engine, TestScore.SCORER_AND_METRIC)
                    .fit(train, FitContext.of(7));
            TestScoreCalibration c = model.calibration();
            assertNotNull(c, engine);
            // Fitted on the training rows: their median maps to 0 and their 80th percentile to 1, for both parts (the
            // calibration is stored as floats, hence 1e-5).
            float[] m = new float[train.rows()];
            float[] s = new float[train.rows()];
            TrainingLoop.forwardPass(model.network(), train, m, s);
            assertEquals(0, (PercentileLabeler.percentile(s, 50) - c.scoreMedian()) / c.scoreScale(), 1e-5, engine);
            assertEquals(1, (PercentileLabeler.percentile(s, 80) - c.scoreMedian()) / c.scoreScale(), 1e-5, engine);
            assertEquals(0, (PercentileLabeler.percentile(m, 50) - c.metricMedian()) / c.metricScale(), 1e-5, engine);
            assertEquals(1, (PercentileLabeler.percentile(m, 80) - c.metricMedian()) / c.metricScale(), 1e-5, engine);
            // Test rows: the sum of both parts.
            float[] tm = new float[test.rows()];
            float[] ts = new float[test.rows()];
            TrainingLoop.forwardPass(model.network(), test, tm, ts);
            double[] have = model.score(test);
            for (int i = 0; i < have.length; i++) {
                assertEquals(c.combine(ts[i], tm[i]), have[i], 1e-9, engine + " row " + i);
            }
            // The paper's test score trains the same network (same seed) and scores with φ alone.
            ScoreGuidedModel paper = (ScoreGuidedModel) detector(engine, TestScore.SCORER).fit(train, FitContext.of(7));
            assertNull(paper.calibration(), engine);
            double[] phi = paper.score(test);
            for (int i = 0; i < phi.length; i++) {
                assertEquals(ts[i], phi[i], 1e-6, engine + " row " + i);
            }
            assertNotEquals(phi[0], have[0], engine);
        }
    }

    @Test
    void theGradientIsTheCombinationsGradient() {
        ScoreGuidedModel model = (ScoreGuidedModel) detector("fast", TestScore.SCORER_AND_METRIC)
                .fit(train, FitContext.of(3));
        // Central differences of the combined score along each feature of row 0.
        ScoreGradientCheck.assertMatchesCentralDifferences(model, SyntheticFixtures.subspace(20, 20, 8, 2).x(),
                "scorer+metric");
    }

    @Test
    void theCalibrationTravelsWithTheModelAndAnOlderFileScoresWithTheScorer() {
        ScoreGuidedDetector detector = detector("fast", TestScore.SCORER_AND_METRIC);
        ScoreGuidedModel model = (ScoreGuidedModel) detector.fit(train, FitContext.of(5));
        ModelState state = model.state();
        assertTrue(state.entries().containsKey(TestScoreCalibration.STATE_NAME));
        ScoreGuidedModel restored = detector.restore(state);
        assertEquals(model.calibration(), restored.calibration());
        assertArrayEquals(model.score(test), restored.score(test), 0);

        Map<String, byte[]> older = new LinkedHashMap<>(state.entries());
        older.remove(TestScoreCalibration.STATE_NAME);
        ScoreGuidedModel old = detector.restore(new ModelState(state.inputDim(), older, state.history()));
        assertNull(old.calibration());
        ScoreGuidedModel paper = (ScoreGuidedModel) detector("fast", TestScore.SCORER).fit(train, FitContext.of(5));
        assertArrayEquals(paper.score(test), old.score(test), 1e-6);

        Map<String, byte[]> forged = new LinkedHashMap<>(state.entries());
        forged.put(TestScoreCalibration.STATE_NAME, ModelState.encode(Nd4j.createFromArray(0.0, -1.0, 0.0, 1.0)));
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> detector.restore(new ModelState(state.inputDim(), forged, state.history())));
        assertTrue(e.getMessage().startsWith("the model's testScoreCalibration is not four finite values"),
                e.getMessage());
    }

    @Test
    void aCollapsedOutputDoesNotBlowUpTheSum() {
        float[] constant = new float[100];
        float[] metric = new float[100];
        for (int i = 0; i < metric.length; i++) {
            metric[i] = i;
        }
        TestScoreCalibration c = TestScoreCalibration.of(constant, metric, 90);
        assertEquals(TestScoreCalibration.MIN_SCALE, c.scoreScale(), 1e-12);
        assertEquals(49.5, c.metricMedian(), 1e-9);
        assertEquals(89.1 - 49.5, c.metricScale(), 1e-5);
        assertEquals((10 - 49.5) / (89.1 - 49.5), c.combine(0, 10), 1e-6);
    }
}
