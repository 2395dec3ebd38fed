package org.sgm.core;

import org.sgm.core.data.FeatureMatrix;

/**
 * An unfitted detector: hyperparameters only, no fitted state. {@link #fit} returns an immutable
 * {@link FittedDetector}; the same data and seed give the same scores.
 *
 * <p>{@code fit} receives features only: test labels cannot reach it.
 */
public interface AnomalyDetector {

    /** @return the registry key, e.g. {@code "sg-ae"} */
    String key();

    /** @return the hyperparameter record this detector was created with */
    Record hyperparameters();

    /**
     * Fits the detector on unlabelled (possibly contaminated) training data.
     *
     * @param train the training features
     * @param ctx the seed and listeners
     * @return the fitted model
     */
    FittedDetector fit(FeatureMatrix train, FitContext ctx);

    /**
     * Fits with a seed and no listeners.
     *
     * @param train the training features
     * @param seed the seed of every random choice
     * @return the fitted model
     */
    default FittedDetector fit(FeatureMatrix train, long seed) {
        return fit(train, FitContext.of(seed));
    }
}
