package org.sgm.core.train;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sgm.core.FitContext;
import org.sgm.core.TrainingListener;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.InvalidHyperparametersException;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.spi.LearnerGraph;
import org.sgm.core.spi.ParamInit;
import org.sgm.core.spi.RepresentationLearner;
import org.sgm.core.testing.SyntheticFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine follows from what the backbone provides, can be forced with {@code training.engine}, and is what the
 * fitted model reports; either engine loads the arrays the other saved.
 */
class EngineChoiceTest {
    private record Params(String engine) {}

    private final FeatureMatrix x = SyntheticFixtures.subspace(200, 20, 6, 4).x();

    /** A backbone that declares only its SameDiff graph (as a researcher's first version would). */
    private static final class GraphOnly implements RepresentationLearner {
        private final DenseAutoencoder ae;

        GraphOnly(int d) {
            ae = new DenseAutoencoder(new int[] {d, 4});
        }

        @Override
        public LearnerGraph build(SameDiff sd, SDVariable in, ParamInit init) {
            return ae.build(sd, in, init);
        }

        @Override
        public String metricDescription() {
            return ae.metricDescription();
        }
    }

    private static ScoreGuidedDetector detector(String engine, boolean graphOnly) {
        TrainingConfig training = new TrainingConfig(2, 64, 1e-3, 1.0, false).withEngine(engine);
        return new ScoreGuidedDetector("m", new Params(engine), training, ScoreGuidance.defaults(),
                ScoreGuidedComponents.paper(), d -> graphOnly ? new GraphOnly(d) : new DenseAutoencoder(new int[] {d, 4}));
    }

    private String engineOf(String setting, boolean graphOnly, List<String> announced) {
        ScoreGuidedModel m = (ScoreGuidedModel) detector(setting, graphOnly).fit(x, new FitContext(1,
                List.of(new TrainingListener() {
                    @Override
                    public void onTrainingSettings(String description) {
                        announced.add(description);
                    }
                })));
        return m.engine();
    }

    @Test
    void whatTheBackboneProvidesDecidesUnlessTheSettingSaysOtherwise() {
        List<String> announced = new ArrayList<>();
        assertEquals("fast", engineOf("auto", false, announced));
        assertEquals("samediff", engineOf("samediff", false, announced));
        assertEquals("fast", engineOf("fast", false, announced));
        assertEquals("samediff", engineOf("auto", true, announced), "no tape version: the graph");
        assertEquals("samediff", engineOf("samediff", true, announced));
        assertTrue(announced.get(0).endsWith("engine fast (auto)"), announced.get(0));
        assertTrue(announced.get(1).endsWith("engine samediff (given)"), announced.get(1));
        assertTrue(announced.get(3).endsWith("engine samediff (auto)"), announced.get(3));
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> detector("fast", true).fit(x, FitContext.of(1)));
        assertTrue(e.getMessage().contains("training.engine is \"fast\" but m's backbone has no fast version"),
                e.getMessage());
    }

    @Test
    void anUnknownEngineIsRefused() {
        InvalidHyperparametersException e = assertThrows(InvalidHyperparametersException.class,
                () -> detector("gpu", false));
        assertTrue(e.getMessage().contains("training.engine"), e.getMessage());
    }

    @Test
    void eitherEngineLoadsWhatTheOtherSaved() {
        for (String trained : List.of("fast", "samediff")) {
            ScoreGuidedModel fitted = (ScoreGuidedModel) detector(trained, false).fit(x, FitContext.of(3));
            for (String loading : List.of("auto", "samediff")) {
                ScoreGuidedModel loaded = detector(loading, false).restore(fitted.state());
                assertEquals(loading.equals("auto") ? "fast" : "samediff", loaded.engine());
                // Float32 on both sides: the engines sum in different orders.
                assertArrayEquals(fitted.score(x), loaded.score(x), 1e-4, trained + " → " + loading);
            }
        }
    }
}
