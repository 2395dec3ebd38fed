package org.sgm.core.spi;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A backbone: a deep representation learner with its own loss and discrimination metric (METHOD.md §3).
 *
 * <p>An implementation declares its network with {@link #build}; the training loop (written once, in
 * {@code org.sgm.core.train}) adds the scoring network and the score-guided regularizer on top of the latent code,
 * pre-judges training rows by the metric, and optimises {@code L = L_B + λ_DE·L_SG}. With λ_DE = 0 the same
 * learner is the plain backbone, scored by its own metric.
 *
 * <p>One instance serves one fit; it is created for a known input width by the backbone's provider. The
 * optional hooks let a backbone do data-dependent set-up (a Deep SVDD centre, GMM statistics) with the current
 * weights; they run with the training data only, never labels.
 */
public interface RepresentationLearner {

    /**
     * Declares the backbone's network and objective on the input.
     *
     * @param sd the graph to add variables and ops to
     * @param x the input placeholder, {@code [N, inputDim]}
     * @param init the seeded initialiser; draw every initial weight from it
     * @return the latent code, loss and metric
     */
    LearnerGraph build(SameDiff sd, SDVariable x, ParamInit init);

    /**
     * The same network on the fast engine, if this backbone offers it: then it trains there unless
     * {@code training.engine} says {@code samediff}. Built-in backbones all do (each with an oracle test against
     * {@link #build}); a new backbone needs only {@link #build}.
     *
     * @return the tape version of this backbone, or null (the default) to train on the SameDiff graph
     */
    default TapeLearner tape() {
        return null;
    }

    /**
     * The name of the input's reconstruction x̂ ({@code [N, inputDim]}), if this backbone reconstructs its input and
     * names x̂ so in both engines ({@code sd.identity(name, xHat)} in {@link #build}, {@code t.output(name, xHat)}
     * in the tape version): explanations then offer the per-feature reconstruction error.
     *
     * @return the name, or null (the default) if the backbone has no reconstruction
     */
    default String reconstruction() {
        return null;
    }

    /** @return a short description of the metric m, e.g. {@code "reconstruction error ‖x − x̂‖₂"} */
    String metricDescription();

    /**
     * Values of scalar placeholders the learner declared in {@link #build} (e.g. loss weights that alternate
     * between objectives), fed to every optimizer step. The metric and latent code must not depend on them.
     *
     * @param iteration the 0-based optimizer step
     * @return placeholder name → value (empty by default)
     */
    default Map<String, Double> stepInputs(long iteration) {
        return Map.of();
    }

    /**
     * Values of array placeholders the learner declared in {@link #build}, fed to every optimizer step, e.g. the
     * reparameterisation noise of a variational autoencoder. Draw randomness only from {@code rng} (seeded per fit)
     * so that the same seed gives the same model. The metric and latent code must not depend on them.
     *
     * @param rows rows in this step's batch
     * @param rng the fit's seeded generator for step inputs
     * @return placeholder name → value (empty by default)
     */
    default Map<String, INDArray> stepArrays(int rows,
            RandomGenerator rng) {
        return Map.of();
    }

    /**
     * Called once after the network is built and before the first epoch, e.g. to set a centre from initial outputs.
     * A hook changes what the network computes only through its context ({@link LearnerContext#replaceInput},
     * {@link LearnerContext#assignConstant}): the loop reuses its last forward pass when a hook changed neither.
     *
     * @param ctx a forward pass over the training data and the learner's constants, on whichever engine trains
     */
    default void onTrainingStart(LearnerContext ctx) {}

    /**
     * Called at the start of every epoch, before the pseudo-labelling pass.
     *
     * @param ctx a forward pass over the training data and the learner's constants
     * @param epoch the 1-based epoch about to run
     */
    default void onEpochStart(LearnerContext ctx, int epoch) {}

    /**
     * Called after every optimizer step; the learner may replace the training input here
     * ({@link LearnerContext#replaceInput}, the same number of rows), and the next batches read the new rows. For
     * learners whose alternation must not wait for an epoch's end (a large file's fit may be a single epoch).
     *
     * @param ctx a forward pass over the training data and the learner's constants
     * @param step the steps taken so far in the fit (1 after the first)
     * @param totalSteps the steps the fit will take unless it stops early
     */
    default void onStep(LearnerContext ctx, long step, long totalSteps) {}

    /**
     * Called once after the last epoch, before the model is frozen.
     *
     * @param ctx a forward pass over the training data and the learner's constants
     */
    default void onTrainingEnd(LearnerContext ctx) {}
}
