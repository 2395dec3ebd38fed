package org.sgm.core.spi;

import org.sgm.core.hyper.ScoreGuidance;

/**
 * Pre-judges training rows: from the backbone metric over the whole training set (recomputed at the start of
 * every epoch with the current weights) it picks the threshold τ; rows with {@code m ≥ τ} are pseudo-anomalies.
 */
public interface PseudoLabeler {

    /**
     * @param metric the backbone metric of every training row
     * @param g the guidance settings (ε among them)
     * @return the threshold τ
     */
    double threshold(float[] metric, ScoreGuidance g);
}
