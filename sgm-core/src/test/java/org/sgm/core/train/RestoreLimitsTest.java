package org.sgm.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sgm.core.FitContext;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.testing.SyntheticFixtures;

/**
 * A saved model bounds what restoring it may allocate: a forged input dimension or layer width (small metadata,
 * checksums recomputed) is refused before a network of that size is built. Before this check both ran out of
 * memory (a 1 GB test heap; the width below asks for more than 1 GB of weights).
 */
class RestoreLimitsTest {
    private record Params(String engine) {}

    private final FeatureMatrix x = SyntheticFixtures.subspace(100, 20, 6, 4).x();

    private static ScoreGuidedDetector detector(String engine, int hidden) {
        TrainingConfig training = new TrainingConfig(1, 50, 1e-3, 1.0, false).withEngine(engine);
        return new ScoreGuidedDetector("m", new Params(engine), training, ScoreGuidance.defaults(),
                ScoreGuidedComponents.paper(), d -> new DenseAutoencoder(new int[] {d, hidden}));
    }

    @Test
    void aHugeInputDimensionIsRefusedBeforeAnythingIsBuilt() {
        ModelState saved = ((ScoreGuidedModel) detector("auto", 4).fit(x, FitContext.of(1))).state();
        for (int forged : new int[] {Integer.MAX_VALUE, 100_000_000}) {
            ModelState state = new ModelState(forged, saved.entries(), saved.history());
            for (String engine : List.of("auto", "samediff")) {
                ModelFileException e = assertThrows(ModelFileException.class,
                        () -> detector(engine, 4).restore(state));
                assertTrue(e.getMessage().startsWith("the model's input dimension " + forged + " is more than all its"
                        + " saved arrays hold together ("), e.getMessage());
            }
        }
    }

    @Test
    void aLayerWiderThanTheSavedArraysIsRefusedBeforeItIsAllocated() {
        ModelState saved = ((ScoreGuidedModel) detector("auto", 4).fit(x, FitContext.of(1))).state();
        for (String engine : List.of("auto", "samediff")) {
            ModelFileException e = assertThrows(ModelFileException.class,
                    () -> detector(engine, 50_000_000).restore(saved));
            int d = x.cols();
            assertTrue(e.getMessage().matches("model array '.*' has " + 4 * d + " values, the network needs " + d
                    + " × 50000000"),
                    engine + ": " + e.getMessage());
        }
    }

    @Test
    void aSmallerForgedInputDimensionIsRefusedByName() {
        ModelState saved = ((ScoreGuidedModel) detector("auto", 4).fit(x, FitContext.of(1))).state();
        ModelState state = new ModelState(x.cols() + 1, saved.entries(), saved.history());
        ModelFileException e = assertThrows(ModelFileException.class, () -> detector("auto", 4).restore(state));
        assertTrue(e.getMessage().contains("the network needs " + (x.cols() + 1) + " × 4"), e.getMessage());
    }

    @Test
    void anHonestModelStillRestoresOnBothEngines() {
        ScoreGuidedModel fitted = (ScoreGuidedModel) detector("auto", 4).fit(x, FitContext.of(2));
        for (String engine : List.of("auto", "samediff")) {
            ScoreGuidedModel loaded = detector(engine, 4).restore(fitted.state());
            assertEquals(engine.equals("auto") ? "fast" : "samediff", loaded.engine());
            assertArrayEquals(fitted.score(x), loaded.score(x), 1e-4);
        }
    }
}
