package org.sgm.core.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.spi.LearnerContext;

/**
 * The engines' {@link LearnerContext}: the part both share (the original data, the current input, and a count of
 * the changes a hook made through it, so that the loop knows when its last forward pass is still current).
 */
abstract class AbstractLearnerContext implements LearnerContext {
    private final FeatureMatrix train;
    private FeatureMatrix input;
    private long changes;

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
        changed();
    }

    /** Records a change of what the network computes on the training input (an engine's constant assigned). */
    protected final void changed() {
        changes++;
    }

    /** @return how many times the input was replaced or a constant assigned */
    final long changes() {
        return changes;
    }

    @Override
    public INDArray evaluate(String variable) {
        List<INDArray> parts = new ArrayList<>();
        evaluate(variable, (from, values) -> parts.add(values.dup()));
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }
}
