package org.sgm.core.hyper;

/**
 * Optimisation settings shared by every score-guided model. Defaults are the paper's (METHOD.md §2).
 *
 * <p>This record does not validate itself when constructed, so that a model's hyperparameter record can report
 * every violation of all its parts at once; {@link #check} does the validation and every detector calls it.
 *
 * @param epochs the maximum number of epochs (≥ 1); default 100
 * @param batchSize minibatch size (≥ 1); capped at the number of training rows; default 1024
 * @param learningRate Adam's learning rate (&gt; 0); default 1e-4
 * @param gradientClip element-wise gradient value clipping (&gt; 0); default 1.0
 * @param earlyStop stop once the mean training score exceeds {@code margin / 2} (score-guided models only);
 *     default true
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double gradientClip, boolean earlyStop) {

    /** @return the paper's defaults: 100 epochs, batch 1024, Adam 1e-4, clipping 1.0, early stopping on */
    public static TrainingConfig defaults() {
        return new TrainingConfig(100, 1024, 1e-4, 1.0, true);
    }

    /**
     * Adds this record's violations to {@code v}.
     *
     * @param v the collector
     * @param prefix the JSON path of this record, e.g. {@code "training."}
     */
    public void check(Violations v, String prefix) {
        v.require(epochs >= 1, prefix + "epochs", "must be ≥ 1", epochs);
        v.require(batchSize >= 1, prefix + "batchSize", "must be ≥ 1", batchSize);
        v.require(learningRate > 0 && Double.isFinite(learningRate), prefix + "learningRate", "must be > 0",
                learningRate);
        v.require(gradientClip > 0 && Double.isFinite(gradientClip), prefix + "gradientClip", "must be > 0",
                gradientClip);
    }

    /**
     * @param newEpochs the epoch count
     * @return a copy with another epoch count
     */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, learningRate, gradientClip, earlyStop);
    }

    /**
     * @param on whether to stop early
     * @return a copy with early stopping switched
     */
    public TrainingConfig withEarlyStop(boolean on) {
        return new TrainingConfig(epochs, batchSize, learningRate, gradientClip, on);
    }
}
