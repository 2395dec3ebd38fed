package org.sgm.core.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the training loop needs from a network: a forward pass and an optimizer step. The loop is written against
 * this interface only, so a faster implementation (a fused path for plain dense networks) can stand in for the
 * SameDiff graph without touching the loop or any backbone.
 */
public interface TrainableNetwork {

    /** @return whether a scoring network is attached (λ_DE &gt; 0) */
    boolean guided();

    /**
     * Forward pass without updating anything.
     *
     * @param x a batch, {@code [n, inputDim]}
     * @param metric receives the backbone metric of each row at {@code offset…offset+n}
     * @param score receives the score of each row (the metric itself for a plain backbone), or null
     * @param offset where to write
     */
    void evaluate(INDArray x, float[] metric, float[] score, int offset);

    /**
     * Scores only (what a fitted model needs): the scoring network's output, or the metric for a plain backbone.
     * An implementation may skip work the score does not need (a guided autoencoder's decoder).
     *
     * @param x a batch, {@code [n, inputDim]}
     * @param score receives the score of each row at {@code offset…offset+n}
     * @param offset where to write
     */
    default void score(INDArray x, float[] score, int offset) {
        int n = (int) x.rows();
        float[] metric = new float[n];
        float[] s = new float[n];
        evaluate(x, metric, s, 0);
        System.arraycopy(s, 0, score, offset, n);
    }

    /**
     * One optimizer step (gradient, element-wise clipping, Adam) on a batch.
     *
     * @param x the batch
     * @param threshold τ for pseudo-labels
     * @param muRef the reference mean μ_R for this step
     * @param epoch the 1-based epoch
     * @return the losses before the update
     */
    StepLosses step(INDArray x, double threshold, double muRef, int epoch);

    /** @return every array that defines the fitted network (weights and learner state), by name */
    Map<String, INDArray> state();

    /**
     * Overwrites arrays by name with saved values.
     *
     * @param saved arrays as returned by {@link #state()}
     */
    void load(Map<String, INDArray> saved);

    /**
     * Overwrites {@code mine} (a network's live arrays by name) with {@code saved}, after checking that both hold
     * the same names and shapes, so a mismatched file changes nothing.
     *
     * @param mine the network's arrays, as from {@link #state()}
     * @param saved the arrays read from a model file
     * @throws org.sgm.core.io.ModelFileException naming the first missing, extra or mis-shaped array
     */
    static void assignByName(Map<String, INDArray> mine, Map<String, INDArray> saved) {
        for (Map.Entry<String, INDArray> e : mine.entrySet()) {
            INDArray value = saved.get(e.getKey());
            if (value == null) {
                throw new org.sgm.core.io.ModelFileException(
                        "model file lacks array '" + e.getKey() + "' that this network needs");
            }
            if (!java.util.Arrays.equals(value.shape(), e.getValue().shape())) {
                throw new org.sgm.core.io.ModelFileException("model array '" + e.getKey() + "' has shape "
                        + java.util.Arrays.toString(value.shape()) + ", the network needs "
                        + java.util.Arrays.toString(e.getValue().shape()));
            }
        }
        for (String name : saved.keySet()) {
            if (!mine.containsKey(name)) {
                throw new org.sgm.core.io.ModelFileException(
                        "model file has array '" + name + "' that this network does not have");
            }
        }
        mine.forEach((name, arr) -> arr.assign(saved.get(name)));
    }
}
