package org.sgm.core.spi;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;

/** What a {@link RepresentationLearner}'s hooks may use: the graph and the (unlabelled) training data. */
public interface LearnerContext {

    /** @return the training graph, e.g. to assign a constant the learner declared */
    SameDiff graph();

    /** @return the training data (features only) */
    FeatureMatrix train();

    /**
     * Runs the current network over the whole training set in batches and stacks one variable's values.
     *
     * @param variable the name of a variable that depends only on the input {@code x}
     * @return its values for every training row, stacked along dimension 0
     */
    INDArray evaluate(String variable);
}
