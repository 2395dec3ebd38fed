package org.sgm.core.spi;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The scoring network φ: latent code z → one real anomaly score per row (higher = more anomalous). */
public interface ScoringNetwork {

    /**
     * @param sd the graph
     * @param z the latent code, {@code [N, latentDim]}
     * @param latentDim the width of z
     * @param init the seeded initialiser
     * @return the scores, {@code [N]}
     */
    SDVariable build(SameDiff sd, SDVariable z, long latentDim, ParamInit init);

    /**
     * @return the same network on the fast engine, or null (the default): a model whose scorer has none trains on
     *     the SameDiff graph
     */
    default TapeScorer tape() {
        return null;
    }
}
