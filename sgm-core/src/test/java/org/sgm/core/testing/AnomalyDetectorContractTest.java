package org.sgm.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.io.ModelFile;
import org.sgm.core.registry.DetectorRegistry;

/**
 * The contract every detector passes. A detector's test extends this class and supplies its provider and, to keep
 * the suite fast, hyperparameter overrides for a short fit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AnomalyDetectorContractTest {
    /** Seed of the fixture data. */
    protected static final long DATA_SEED = 7;
    private SyntheticFixtures.Labelled train;
    private SyntheticFixtures.Labelled test;
    private AnomalyDetector detector;
    private FittedDetector fitted;
    private double[] scores;

    /** @return the provider under test */
    protected abstract DetectorProvider<?> provider();

    /** @return JSON laid over the provider's defaults for a short fit (null for none) */
    protected abstract JsonNode overrides();

    /** @return the AUROC the detector must reach on the easy fixture */
    protected double minimumAuc() {
        return 0.8;
    }

    @BeforeAll
    void fitOnce() {
        SyntheticFixtures.Labelled all = SyntheticFixtures.subspace(810, 90, 8, DATA_SEED);
        train = all.rows(0, 600);
        test = all.rows(600, 900);
        detector = registry().create(provider().key(), overrides());
        fitted = detector.fit(train.x(), 42);
        scores = fitted.score(test.x());
    }

    /** @return a registry holding the provider under test */
    protected DetectorRegistry registry() {
        return new DetectorRegistry(Map.of(provider().key(), provider()));
    }

    @Test
    void scoresOneFiniteValuePerRow() {
        assertEquals(test.x().rows(), scores.length);
        for (double s : scores) {
            assertTrue(Double.isFinite(s), "non-finite score " + s);
        }
        assertEquals(train.x().cols(), fitted.inputDim());
        assertEquals(provider().key(), fitted.key());
    }

    @Test
    void higherScoresMeanMoreAnomalous() {
        double auc = SyntheticFixtures.auc(test.anomaly(), scores);
        assertTrue(auc >= minimumAuc(), provider().key() + ": AUROC " + auc + " on the easy fixture");
    }

    @Test
    void sameSeedGivesIdenticalScores() {
        double[] again = detector.fit(train.x(), 42).score(test.x());
        assertArrayEquals(scores, again, 0.0);
    }

    @Test
    void saveAndLoadGiveIdenticalScores(@TempDir Path dir) {
        Path file = dir.resolve("model.sgm");
        ModelFile.of(fitted, null, null).write(file);
        FittedDetector loaded = ModelFile.read(file).restore(registry());
        assertArrayEquals(scores, loaded.score(test.x()), 0.0);
        assertEquals(fitted.history(), loaded.history());
    }

    @Test
    void hyperparametersRoundTripThroughJson() throws Exception {
        Record hp = detector.hyperparameters();
        String json = HyperparameterJson.toJson(hp);
        JsonNode tree = HyperparameterJson.mapper().readTree(json);
        Record back = readTyped(provider(), tree);
        assertEquals(hp, back);
    }

    private static <H extends Record> H readTyped(DetectorProvider<H> p, JsonNode tree) {
        return HyperparameterJson.read(p.hyperparametersType(), p.defaults(), tree);
    }
}
