package org.sgm.core.spi;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;

/** What a {@link RepresentationLearner}'s hooks may use: the graph and the (unlabelled) training data. */
public interface LearnerContext {

    /** @return the training graph, e.g. to assign a constant the learner declared */
    SameDiff graph();

    /** @return the original training data (features only) */
    FeatureMatrix train();

    /** @return the rows the loop currently trains on: {@link #train()} unless replaced */
    FeatureMatrix input();

    /**
     * Replaces the rows the loop trains on from now on (pseudo-labelling pass, batches, {@link #evaluate}), e.g.
     * RDA's low-rank part {@code L = X − S}. Same number of rows and columns as {@link #train()}.
     *
     * @param rows the new training input
     */
    void replaceInput(FeatureMatrix rows);

    /**
     * Runs the current network over the current training input in batches and stacks one variable's values.
     *
     * @param variable the name of a variable that depends only on the input {@code x}
     * @return its values for every training row, stacked along dimension 0
     */
    INDArray evaluate(String variable);
}
