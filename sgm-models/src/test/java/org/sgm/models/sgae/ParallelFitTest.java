package org.sgm.models.sgae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.SyntheticFixtures;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.core.train.ScoreGuidedDetector;

/** ND4J's random generator is process-global; SGM never uses it, so parallel fits equal sequential ones. */
class ParallelFitTest {
    private final FeatureMatrix x = SyntheticFixtures.subspace(270, 30, 8, 5).x();

    private double[] fit(String key, long seed) {
        var registry = new DetectorRegistry(java.util.Map.of("sg-ae", new SgAeProvider(ScoreGuidedComponents.paper()),
                "ae", new SgAeProvider.Plain(ScoreGuidedComponents.paper())));
        AnomalyDetector d = registry.create(key,
                HyperparameterJson.read("{\"training\": {\"epochs\": 4, \"batchSize\": 64, \"earlyStop\": false}}"));
        return d.fit(x, seed).score(x);
    }

    private void parallelEqualsSequential() throws Exception {
        String[] keys = {"sg-ae", "ae", "sg-ae", "ae"};
        List<double[]> sequential = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            sequential.add(fit(keys[i], i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> parallel = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                String key = keys[i];
                long seed = i;
                parallel.add(pool.submit(() -> fit(key, seed)));
            }
            for (int i = 0; i < keys.length; i++) {
                assertArrayEquals(sequential.get(i), parallel.get(i).get(), 0.0, keys[i] + " seed " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fusedEngine() throws Exception {
        parallelEqualsSequential();
    }

    @Test
    void sameDiffEngine() throws Exception {
        System.setProperty(ScoreGuidedDetector.ENGINE_PROPERTY, "samediff");
        try {
            parallelEqualsSequential();
        } finally {
            System.clearProperty(ScoreGuidedDetector.ENGINE_PROPERTY);
        }
    }
}
