package org.sgm.core.train;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sgm.core.ModelFileException;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.spi.LearnerContext;

/**
 * What the training loop needs from a network: a forward pass and an optimizer step on batches of rows. The loop is
 * written against this interface only; the two engines implement it: {@link TapeNetwork} (the fast engine) and
 * {@link SameDiffNetwork} (the declarative one, and the fast engine's oracle).
 *
 * <p>Batches are row-major float arrays of which the first {@code rows × inputDim} values are used; a network must
 * not keep them (the loop refills them).
 */
public interface TrainableNetwork {

    /** @return whether a scoring network is attached (λ_DE &gt; 0) */
    boolean guided();

    /** @return the engine: {@value TrainingConfig#ENGINE_FAST} or {@value TrainingConfig#ENGINE_SAMEDIFF} */
    String engine();

    /**
     * Forward pass without updating anything.
     *
     * @param x a batch, row-major
     * @param rows the batch's rows
     * @param metric receives the backbone metric of each row at {@code offset…offset+rows}
     * @param score receives the score of each row (the metric itself for a plain backbone), or null
     * @param offset where to write
     */
    void evaluate(float[] x, int rows, float[] metric, float[] score, int offset);

    /**
     * Scores only (what a fitted model needs): the scoring network's output, or the metric for a plain backbone.
     * An implementation may skip work the score does not need (a guided autoencoder's decoder).
     *
     * @param x a batch, row-major
     * @param rows the batch's rows
     * @param score receives the score of each row at {@code offset…offset+rows}
     * @param offset where to write
     */
    default void score(float[] x, int rows, float[] score, int offset) {
        float[] metric = new float[rows];
        float[] s = new float[rows];
        evaluate(x, rows, metric, s, 0);
        System.arraycopy(s, 0, score, offset, rows);
    }

    /**
     * Each row's score and its gradient with respect to that row's own input (rows are scored independently), for
     * explanations; nothing is updated.
     *
     * @param x a batch, row-major
     * @param rows the batch's rows
     * @param score receives the score of each row (as {@link #score})
     * @param gradient receives ∂score_i/∂x_i, row-major, {@code rows × inputDim}
     * @throws UnsupportedOperationException if this network computes no input gradients
     */
    default void scoreGradient(float[] x, int rows, float[] score, double[] gradient) {
        throw new UnsupportedOperationException(engine() + " network computes no input gradients");
    }

    /**
     * Each row's backbone metric m and its gradient with respect to that row's own input, as
     * {@link #scoreGradient} does for the score (the same for a plain network, whose score is m).
     *
     * @param x a batch, row-major
     * @param rows the batch's rows
     * @param metric receives the metric of each row
     * @param gradient receives ∂m_i/∂x_i, row-major, {@code rows × inputDim}
     * @throws UnsupportedOperationException if this network computes no input gradients
     */
    default void metricGradient(float[] x, int rows, float[] metric, double[] gradient) {
        throw new UnsupportedOperationException(engine() + " network computes no input gradients");
    }

    /**
     * The backbone's reconstruction x̂ of a batch ({@link org.sgm.core.spi.RepresentationLearner#reconstruction()}).
     *
     * @param x a batch, row-major
     * @param rows the batch's rows
     * @return x̂, row-major, {@code rows × inputDim}, or null if the backbone has no reconstruction
     */
    default double[] reconstruction(float[] x, int rows) {
        return null;
    }

    /**
     * One optimizer step on a batch: L = L_B + λ_DE·L_SG with pseudo-labels {@code m ≥ τ}, gradients, then the one
     * {@link Adam} (with clipping).
     *
     * @param x the batch, row-major
     * @param rows the batch's rows
     * @param threshold τ for pseudo-labels
     * @param muRef the reference mean μ_R for this step
     * @param epoch the 1-based epoch
     * @return the losses before the update
     */
    default StepLosses step(float[] x, int rows, double threshold, double muRef, int epoch) {
        return step(x, rows, threshold, muRef, epoch, true);
    }

    /**
     * One optimizer step, with or without the score-guided term.
     *
     * @param x the batch, row-major
     * @param rows the batch's rows
     * @param threshold τ for pseudo-labels (unused without the guidance)
     * @param muRef the reference mean μ_R for this step
     * @param epoch the 1-based epoch
     * @param guide false: a warm-up step on L_B alone (the scorer is left as it is); ignored by a plain backbone
     * @return the losses before the update
     */
    StepLosses step(float[] x, int rows, double threshold, double muRef, int epoch, boolean guide);

    /** @return every array that defines the fitted network (weights and learner state), by name */
    Map<String, INDArray> state();

    /**
     * Overwrites arrays by name with saved values.
     *
     * @param saved arrays as returned by {@link #state()}
     */
    void load(Map<String, INDArray> saved);

    /**
     * Drops the work arrays an engine keeps between passes (made again by the next pass): a fitted ensemble calls it
     * after each member's training and passes, so that k members do not keep k sets of them.
     */
    default void releaseBuffers() {}

    /**
     * @param train the training data
     * @return the context the learner's hooks get, on this engine
     */
    LearnerContext hooks(FeatureMatrix train);

    /**
     * Overwrites {@code mine} (a network's live arrays by name) with {@code saved}, after checking that both hold
     * the same names and shapes, so a mismatched file changes nothing.
     *
     * @param mine the network's arrays, as from {@link #state()}
     * @param saved the arrays read from a model file
     * @throws ModelFileException naming the first missing, extra or mis-shaped array
     */
    static void checkNames(Map<String, INDArray> mine, Map<String, INDArray> saved) {
        for (Map.Entry<String, INDArray> e : mine.entrySet()) {
            INDArray value = saved.get(e.getKey());
            if (value == null) {
                throw new ModelFileException(
                        "model file lacks array '" + e.getKey() + "' that this network needs");
            }
            if (!Arrays.equals(value.shape(), e.getValue().shape())) {
                throw new ModelFileException("model array '" + e.getKey() + "' has shape "
                        + Arrays.toString(value.shape()) + ", the network needs "
                        + Arrays.toString(e.getValue().shape()));
            }
        }
        for (String name : saved.keySet()) {
            if (!mine.containsKey(name)) {
                throw new ModelFileException(
                        "model file has array '" + name + "' that this network does not have");
            }
        }
    }

    /**
     * {@link #checkNames}, then assigns every saved array to the live one of the same name.
     *
     * @param mine the network's live arrays
     * @param saved the arrays read from a model file
     */
    static void assignByName(Map<String, INDArray> mine, Map<String, INDArray> saved) {
        checkNames(mine, saved);
        mine.forEach((name, arr) -> arr.assign(saved.get(name)));
    }
}
