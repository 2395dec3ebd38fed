package org.sgm.models.scratch;

import org.junit.jupiter.api.Test;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.HyperparameterJson;
import org.sgm.core.registry.DetectorRegistry;
import org.sgm.core.train.ScoreGuidedComponents;
import org.sgm.models.sgae.SgAeProvider;

class StepBenchTest {
    @Test
    void bench() {
        var p = new SgAeProvider(ScoreGuidedComponents.paper());
        var reg = new DetectorRegistry(java.util.Map.of(p.key(), p));
        var rng = new java.util.SplittableRandom(1);
        double[][] rows = new double[36864][51];
        for (double[] r : rows) for (int j = 0; j < 51; j++) r[j] = rng.nextGaussian();
        FeatureMatrix x = FeatureMatrix.of(rows);
        for (String engine : new String[] {"auto", "auto", "samediff"}) {
            System.setProperty("sgm.engine", engine);
            var f = reg.create("sg-ae", HyperparameterJson.read("{\"training\": {\"epochs\": 8, \"earlyStop\": false}}")).fit(x, 1);
            long ms = f.history().stream().skip(1).mapToLong(h -> h.millis()).sum();
            System.out.printf("BENCH %s: %.0f samples/s (epochs 2-8)%n", engine, 36864.0 * 7 * 1000 / ms);
        }
        System.clearProperty("sgm.engine");
    }
}
