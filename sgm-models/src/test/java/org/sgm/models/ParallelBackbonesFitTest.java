package org.sgm.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.testing.SyntheticFixtures;

/**
 * Fitting the SameDiff backbones (whose learner hooks set graph constants and replace the training rows) in
 * parallel threads of one JVM gives exactly the scores of sequential fits, as {@code ParallelFitTest} shows for
 * SG-AE: no process-global random state or shared graph is involved.
 */
class ParallelBackbonesFitTest {
    private static final DetectorRegistry REGISTRY =
            Guice.createInjector(new SgmModelsModule()).getInstance(DetectorRegistry.class);
    private static final String[] KEYS = {"sg-dsvdd", "sg-rsrae", "sg-rda", "sg-dagmm"};
    private final FeatureMatrix x = SyntheticFixtures.subspace(180, 20, 6, 9).x();

    private double[] fit(String key, long seed) {
        return REGISTRY.create(key, HyperparameterJson.read(
                "{\"training\": {\"epochs\": 2, \"batchSize\": 64, \"earlyStop\": false}}")).fit(x, seed).score(x);
    }

    @Test
    void parallelFitsEqualSequentialFits() throws Exception {
        List<double[]> sequential = new ArrayList<>();
        for (int i = 0; i < KEYS.length; i++) {
            sequential.add(fit(KEYS[i], i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(KEYS.length);
        try {
            List<Future<double[]>> parallel = new ArrayList<>();
            for (int i = 0; i < KEYS.length; i++) {
                String key = KEYS[i];
                long seed = i;
                parallel.add(pool.submit(() -> fit(key, seed)));
            }
            for (int i = 0; i < KEYS.length; i++) {
                assertArrayEquals(sequential.get(i), parallel.get(i).get(), 0.0, KEYS[i]);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
