package org.sgm.core;

import java.util.List;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.train.EpochStats;

/**
 * A fitted, immutable anomaly detector. Scores are higher for more anomalous rows, for every detector.
 * Implementations are safe to call from several threads.
 */
public interface FittedDetector {

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
