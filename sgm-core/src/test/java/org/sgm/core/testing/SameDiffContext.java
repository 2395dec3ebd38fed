package org.sgm.core.testing;

import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.spi.LearnerContext;

/**
 * A {@link LearnerContext} over a bare SameDiff graph whose input placeholder is {@code x}, for tests that drive a
 * learner's hooks without a training loop: one batch of all rows, constants read and written in the graph.
 */
public class SameDiffContext implements LearnerContext {
    private final SameDiff sd;
    private final FeatureMatrix data;
    private FeatureMatrix input;

    /**
     * @param sd the graph
     * @param data the training rows
     */
    public SameDiffContext(SameDiff sd, FeatureMatrix data) {
        this.sd = sd;
        this.data = data;
        this.input = data;
    }

    @Override
    public FeatureMatrix train() {
        return data;
    }

    @Override
    public FeatureMatrix input() {
        return input;
    }

    @Override
    public void replaceInput(FeatureMatrix rows) {
        input = rows;
    }

    @Override
    public void evaluate(String variable, BatchConsumer consumer) {
        consumer.accept(0, evaluate(variable));
    }

    @Override
    public INDArray evaluate(String variable) {
        return sd.output(Map.of("x", input.toINDArray()), variable).get(variable);
    }

    @Override
    public INDArray constant(String name) {
        return sd.getVariable(name).getArr().dup();
    }

    @Override
    public void assignConstant(String name, INDArray value) {
        INDArray arr = sd.getVariable(name).getArr();
        arr.assign(value.castTo(arr.dataType()).reshape(arr.shape()));
    }
}
