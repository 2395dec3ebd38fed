package org.sgm.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.TrainingDivergedException;

/**
 * A diverging training stops with {@link TrainingDivergedException} naming the epoch and the likely cause, on both
 * engines (the fast engine and the SameDiff graph), instead of producing NaN scores.
 */
class DivergenceTest {
    private static final DetectorRegistry REGISTRY =
            Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);
    private final FeatureMatrix x = SyntheticFixtures.subspace(120, 10, 6, 2).x();

    private static AnomalyDetector detector(String key, double learningRate) {
        return detector(key, learningRate, "auto");
    }

    private static AnomalyDetector detector(String key, double learningRate, String engine) {
        return REGISTRY.create(key, HyperparameterJson.read("{\"training\": {\"epochs\": 3, \"earlyStop\": false,"
                + " \"learningRate\": " + learningRate + ", \"engine\": \"" + engine + "\"}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "samediff"})
    void aHugeLearningRateStopsInTheFirstEpochNamingIt(String engine) {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> detector("sg-ae", 1e30, engine).fit(x, 0));
        assertTrue(e.getMessage().startsWith("training diverged in epoch 1"), e.getMessage());
        assertTrue(e.getMessage().contains("lower training.learningRate (now 1.0E30)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "samediff"})
    void extremeInputValuesStopInTheFirstStep(String engine) {
        float[] values = x.toArray();
        Arrays.fill(values, 0, x.cols() * 3, 1e30f);
        FeatureMatrix extreme = FeatureMatrix.of(values, x.rows(), x.columnNames());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> detector("sg-ae", 1e-4, engine).fit(extreme, 0));
        assertTrue(e.getMessage().startsWith("training diverged in epoch 1, step 1: the loss became"), e.getMessage());
        assertTrue(e.getMessage().contains("check the input for extreme values"), e.getMessage());
    }

    /** Every backbone, on both engines. */
    @ParameterizedTest
    @ValueSource(strings = {"sg-dsvdd", "sg-dagmm", "sg-rsrae", "sg-rda", "ae"})
    void everyBackboneReportsDivergenceTheSameWay(String key) {
        for (String engine : new String[] {"fast", "samediff"}) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> detector(key, 1e30, engine).fit(x, 0), key + " on " + engine);
            assertTrue(e.getMessage().matches("training diverged in epoch \\d+.*learningRate.*"), e.getMessage());
        }
    }
}
