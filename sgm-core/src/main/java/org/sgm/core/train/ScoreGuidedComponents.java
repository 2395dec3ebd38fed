package org.sgm.core.train;

import java.util.Objects;
import org.sgm.core.spi.MlpScoringNetwork;
import org.sgm.core.spi.PaperRegularizer;
import org.sgm.core.spi.PercentileLabeler;
import org.sgm.core.spi.PseudoLabeler;
import org.sgm.core.spi.ScoreGuidedRegularizer;
import org.sgm.core.spi.ScoringNetwork;

/**
 * The replaceable parts of the score guidance. {@link #paper()} gives the paper's: the 10-unit MLP scorer, the
 * regularizer with μ_R resampled per batch, and the ε-percentile pseudo-labeller.
 *
 * @param scorer the scoring network φ
 * @param regularizer the score-guided term L_SG
 * @param labeler the pseudo-labeller
 */
public record ScoreGuidedComponents(ScoringNetwork scorer, ScoreGuidedRegularizer regularizer, PseudoLabeler labeler) {

    /** Checks that every part is given. */
    public ScoreGuidedComponents {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(regularizer, "regularizer");
        Objects.requireNonNull(labeler, "labeler");
    }

    /** @return the paper's components */
    public static ScoreGuidedComponents paper() {
        return new ScoreGuidedComponents(MlpScoringNetwork.paper(), PaperRegularizer.paper(), new PercentileLabeler());
    }

    /**
     * @param hidden the scorer's hidden width
     * @return a copy with an MLP scorer of that width
     */
    public ScoreGuidedComponents withScorerHidden(int hidden) {
        return new ScoreGuidedComponents(new MlpScoringNetwork(hidden), regularizer, labeler);
    }
}
