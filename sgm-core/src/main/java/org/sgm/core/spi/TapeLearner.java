package org.sgm.core.spi;

import org.sgm.core.tape.Tape;
import org.sgm.core.tape.Tensor;

/**
 * A backbone's network on the fast engine ({@link Tape}): the same function as its SameDiff
 * {@link RepresentationLearner#build}, written as a forward pass whose gradients the tape takes.
 *
 * <p>Optional: a backbone that offers one through {@link RepresentationLearner#tape()} trains on the fast engine by
 * default, one that does not trains on its SameDiff graph. The two must agree, and do for every built-in backbone:
 * its oracle test compares the loss and every gradient of both engines in double precision.
 *
 * <p>Declare parameters with {@link Tape#param} (and learner state with {@link Tape#constant}) under the names,
 * shapes and initial draws of the SameDiff graph, in the same order: the engines then start from the same weights
 * for the same seed, and a model file written by one loads into the other. The pass is split in two so that
 * scoring a guided model runs only what the score needs.
 */
public interface TapeLearner {

    /**
     * The latent code z, where the scoring network attaches.
     *
     * @param t the tape
     * @param x the batch, {@code [n, inputDim]}
     * @param init the seeded initialiser (used only when a parameter is first declared)
     * @return z, {@code [n, latentDim]}
     */
    Tensor latent(Tape t, Tensor x, ParamInit init);

    /**
     * The backbone's metric and loss, after {@link #latent} on the same batch and tape.
     *
     * @param t the tape
     * @param x the batch
     * @param z what {@link #latent} returned
     * @param init the seeded initialiser
     * @return the metric m ({@code [n, 1]}) and the loss L_B ({@code [1, 1]})
     */
    Objective objective(Tape t, Tensor x, Tensor z, ParamInit init);

    /**
     * What {@link #objective} gives.
     *
     * @param metric per-row metric m, {@code [n, 1]}, higher = more anomalous
     * @param loss the backbone loss L_B, {@code [1, 1]}
     */
    record Objective(Tensor metric, Tensor loss) {}
}
