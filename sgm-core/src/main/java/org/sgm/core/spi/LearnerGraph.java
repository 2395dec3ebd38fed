package org.sgm.core.spi;

import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What a {@link RepresentationLearner} contributes to the training graph.
 *
 * @param latent the latent code z, {@code [N, latentDim]}, where the scoring network attaches
 * @param latentDim the width of z
 * @param loss the backbone's own loss L_B, a scalar (what it trains with alone)
 * @param metric the per-sample discrimination metric m, {@code [N]}, higher = more anomalous; used to pre-judge
 *     training rows and as the score of the plain (unguided) backbone
 */
public record LearnerGraph(SDVariable latent, long latentDim, SDVariable loss, SDVariable metric) {
    /** Checks that every part is given. */
    public LearnerGraph {
        Objects.requireNonNull(latent, "latent");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(metric, "metric");
        if (latentDim < 1) {
            throw new IllegalArgumentException("latentDim must be ≥ 1, got " + latentDim);
        }
    }
}
