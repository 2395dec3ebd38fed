package org.sgm.core.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.spi.LearnerContext;

/** The engines' {@link LearnerContext}: the part both share (the original data and the current input). */
abstract class AbstractLearnerContext implements LearnerContext {
    private final FeatureMatrix train;
    private FeatureMatrix input;

    AbstractLearnerContext(FeatureMatrix train) {
        this.train = train;
        this.input = train;
    }

    @Override
    public FeatureMatrix train() {
        return train;
    }

    @Override
    public FeatureMatrix input() {
        return input;
    }

    @Override
    public void replaceInput(FeatureMatrix rows) {
        if (rows.rows() != train.rows() || rows.cols() != train.cols()) {
            throw new IllegalArgumentException("replacement input must be " + train.rows() + " × " + train.cols()
                    + ", got " + rows.rows() + " × " + rows.cols());
        }
        input = rows;
    }

    @Override
    public INDArray evaluate(String variable) {
        List<INDArray> parts = new ArrayList<>();
        evaluate(variable, (from, values) -> parts.add(values.dup()));
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }
}
