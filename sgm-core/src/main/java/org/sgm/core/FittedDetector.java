package org.sgm.core;

import java.util.List;
import org.sgm.core.data.FeatureMatrix;

/**
 * A fitted, immutable anomaly detector. Scores are higher for more anomalous rows, for every detector.
 * Implementations are safe to call from several threads.
 */
public interface FittedDetector {
    /**
     * Rows per batch when a fitted model scores (and in the training loop's per-epoch pass): a row's score can differ
     * in its last bits with the batch it is computed in, so whoever scores in pieces (streaming, Spark) cuts at this
     * size to give the very same scores.
     */
    int SCORING_BATCH = 4096;


    /** @return the registry key of the detector that produced this model */
    String key();

    /** @return the hyperparameters it was fitted with */
    Record hyperparameters();

    /** @return the number of features it expects */
    int inputDim();

    /**
     * @param x rows with {@link #inputDim()} features, in the fitted column order
     * @return one score per row, higher = more anomalous
     */
    double[] score(FeatureMatrix x);

    /**
     * @return the engine a score-guided model trained on ({@code fast} or {@code samediff}), recorded in the model
     *     file's provenance; null for detectors without one (the default)
     */
    default String engine() {
        return null;
    }

    /** @return per-epoch training statistics (empty for detectors that do not train in epochs) */
    List<EpochStats> history();

    /**
     * @return everything needed to restore this model with its provider's
     *     {@link DetectorProvider#restore restore}
     */
    ModelState state();
}
