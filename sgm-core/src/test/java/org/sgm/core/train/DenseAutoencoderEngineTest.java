package org.sgm.core.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.hyper.ScoreGuidance;
import org.sgm.core.hyper.TrainingConfig;
import org.sgm.core.spi.DenseAutoencoder;
import org.sgm.core.tape.Precision;
import org.sgm.core.testing.SyntheticFixtures;

/** SG-AE's network on the fast engine against its SameDiff graph (the oracle), guided and plain. */
class DenseAutoencoderEngineTest {

    @Test
    void fastEngineMatchesTheGraph() {
        EngineOracle.check(d -> new DenseAutoencoder(new int[] {d, 9, 5}),
                SyntheticFixtures.subspace(300, 30, 12, 3).x(), new ScoreGuidance(0.5, 20, 6, 70.0), 11);
    }

    @Test
    void deeperNetworkWithThePapersGuidance() {
        EngineOracle.check(d -> new DenseAutoencoder(new int[] {d, 16, 8, 3}),
                SyntheticFixtures.subspace(250, 20, 20, 4).x(), ScoreGuidance.defaults(), 5);
    }

    @Test
    void aWarmupStepTrainsTheBackboneAndLeavesTheScorerAlone() {
        FeatureMatrix data = SyntheticFixtures.subspace(120, 10, 8, 2).x();
        float[] x = new float[64 * 8];
        data.rowsInto(0, 64, x);
        TrainingConfig training = new TrainingConfig(1, 64, 1e-2, 1.0, false);
        TrainableNetwork[] nets = {
            new TapeNetwork(new DenseAutoencoder(new int[] {8, 4}), ScoreGuidedComponents.paper(),
                    ScoreGuidance.defaults(), training, 8, 3, Precision.FLOAT),
            SameDiffNetwork.build(new DenseAutoencoder(new int[] {8, 4}), ScoreGuidedComponents.paper(),
                    ScoreGuidance.defaults(), training, 8, 3)};
        for (TrainableNetwork net : nets) {
            Map<String, float[]> before = copy(net.state());
            net.step(x, 64, 1.0, 0.0, 1, false);
            Map<String, float[]> after = copy(net.state());
            before.forEach((name, v) -> {
                boolean same = Arrays.equals(v, after.get(name));
                Assertions.assertEquals(name.startsWith("scorer"), same,
                        net.engine() + ": " + name + (same ? " did not change" : " changed"));
            });
        }
    }

    private static Map<String, float[]> copy(Map<String, INDArray> s) {
        Map<String, float[]> out = new LinkedHashMap<>();
        s.forEach((k, v) -> out.put(k, v.dup().data().asFloat()));
        return out;
    }
}
