package org.sgm.core.spi;

import java.util.random.RandomGenerator;
import org.sgm.core.hyper.ScoreGuidance;

/**
 * The score-guided term L_SG that pulls pseudo-normal scores down and pushes pseudo-anomalous scores up.
 *
 * <p>Defined once, outside either engine: a network computes the scores, this gives L_SG and ∂L_SG/∂s, and the
 * engine back-propagates λ_DE·∂L_SG/∂s from the scores into the scorer and the backbone (the fast engine through its
 * tape, the SameDiff graph through a term {@code Σ s ⊙ g} whose gradient with respect to the weights is exactly
 * that). No gradient flows through the pseudo-labels.
 */
public interface ScoreGuidedRegularizer {

    /**
     * L_SG of one batch and its gradient with respect to each score.
     *
     * @param score the scores s_i of the batch
     * @param flag the pseudo-labels, true = pseudo-anomaly ({@code m_i ≥ τ})
     * @param muRef the reference mean μ_R of this step
     * @param g the guidance settings
     * @param dScore receives ∂L_SG/∂s_i (same length as {@code score})
     * @return L_SG of the batch
     */
    double loss(double[] score, boolean[] flag, double muRef, ScoreGuidance g, double[] dScore);

    /**
     * Draws the reference mean for one step.
     *
     * @param rng the training loop's seeded generator
     * @return μ_R for this step
     */
    double sampleReferenceMean(RandomGenerator rng);
}
