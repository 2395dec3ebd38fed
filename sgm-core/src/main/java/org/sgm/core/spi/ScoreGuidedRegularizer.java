package org.sgm.core.spi;

import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sgm.core.hyper.ScoreGuidance;

/** The score-guided term L_SG that pulls pseudo-normal scores down and pushes pseudo-anomalous scores up. */
public interface ScoreGuidedRegularizer {

    /**
     * @param sd the graph
     * @param score the scores, {@code [N]}
     * @param flag the pseudo-labels, {@code [N]}, 1 = pseudo-anomaly (no gradient flows through them)
     * @param muRef the reference mean μ_R, a scalar placeholder fed every step
     * @param g the guidance settings
     * @return the scalar L_SG of the batch
     */
    SDVariable loss(SameDiff sd, SDVariable score, SDVariable flag, SDVariable muRef, ScoreGuidance g);

    /**
     * Draws the reference mean for one step.
     *
     * @param rng the training loop's seeded generator
     * @return μ_R for this step
     */
    double sampleReferenceMean(RandomGenerator rng);
}
