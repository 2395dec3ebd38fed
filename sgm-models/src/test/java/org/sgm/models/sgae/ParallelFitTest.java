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
import com.google.inject.Guice;
import org.sgm.models.SgmModelsModule;

/**
 * ND4J's random generator is process-global; SGM never uses it, so parallel fits equal sequential ones, for every
 * backbone on both engines.
 */
class ParallelFitTest {
    private final FeatureMatrix x = SyntheticFixtures.subspace(270, 30, 8, 5).x();

    private static final DetectorRegistry REGISTRY =
            Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);

    private double[] fit(String key, long seed, String engine) {
        AnomalyDetector d = REGISTRY.create(key, HyperparameterJson.read("{\"training\": {\"epochs\": 4, "
                + "\"batchSize\": 64, \"earlyStop\": false, \"engine\": \"" + engine + "\"}}"));
        return d.fit(x, seed).score(x);
    }

    private void parallelEqualsSequential(String engine) throws Exception {
        String[] keys = {"sg-ae", "ae", "sg-dsvdd", "sg-rsrae", "sg-dagmm", "sg-rda"};
        List<double[]> sequential = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            sequential.add(fit(keys[i], i, engine));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> parallel = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                String key = keys[i];
                long seed = i;
                parallel.add(pool.submit(() -> fit(key, seed, engine)));
            }
            for (int i = 0; i < keys.length; i++) {
                assertArrayEquals(sequential.get(i), parallel.get(i).get(), 0.0, keys[i] + " seed " + i + " on "
                        + engine);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fastEngine() throws Exception {
        parallelEqualsSequential("fast");
    }

    @Test
    void sameDiffEngine() throws Exception {
        parallelEqualsSequential("samediff");
    }
}
