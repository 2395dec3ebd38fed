package org.sgm.core.spi;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.data.FeatureMatrix;

/**
 * What a {@link RepresentationLearner}'s hooks may use, whichever engine trains: the (unlabelled) training data, a
 * forward pass over it, and the learner's constants (state saved with the model but not trained, declared as a
 * SameDiff constant in {@link RepresentationLearner#build} and with {@code Tape.constant} on the fast engine).
 */
public interface LearnerContext {

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
     * Runs the current network over the current training input in batches and hands each batch's values of one
     * named value to {@code consumer}, in row order, without holding all of them.
     *
     * @param variable the name of a value that depends only on the input (a SameDiff variable's name; on the fast
     *     engine the name given to {@code Tape.output})
     * @param consumer receives the first row's index and the batch's values, {@code [rows, width]}; the array may be
     *     reused for the next batch
     */
    void evaluate(String variable, BatchConsumer consumer);

    /**
     * As {@link #evaluate(String, BatchConsumer)}, stacked: meant for data that fits in memory.
     *
     * @param variable the name of a value that depends only on the input
     * @return its values for every training row, {@code [rows, width]}
     */
    INDArray evaluate(String variable);

    /**
     * @param name a constant the learner declared
     * @return a copy of its current value
     */
    INDArray constant(String name);

    /**
     * Overwrites a constant the learner declared.
     *
     * @param name its name
     * @param value the new value (same number of values, any shape)
     */
    void assignConstant(String name, INDArray value);

    /** Receives the values of one batch. */
    @FunctionalInterface
    interface BatchConsumer {
        /**
         * @param from the index of the batch's first row
         * @param values the batch's values, {@code [rows, width]}
         */
        void accept(int from, INDArray values);
    }
}
