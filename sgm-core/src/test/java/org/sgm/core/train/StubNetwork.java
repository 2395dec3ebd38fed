package org.sgm.core.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.spi.LearnerContext;

/**
 * A guided network without weights for tests of the training loop: each test says what its forward pass computes
 * (and, where it matters, what a step records or which hooks it offers); a step changes nothing.
 */
abstract class StubNetwork implements TrainableNetwork {

    @Override
    public boolean guided() {
        return true;
    }

    @Override
    public String engine() {
        return "stub";
    }

    @Override
    public StepLosses step(float[] x, int rows, double threshold, double muRef, int epoch, boolean guide) {
        return new StepLosses(1, 1, 0);
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of();
    }

    @Override
    public void load(Map<String, INDArray> saved) {}

    @Override
    public LearnerContext hooks(FeatureMatrix train) {
        return null;
    }
}
