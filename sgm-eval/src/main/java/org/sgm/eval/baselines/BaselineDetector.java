package org.sgm.eval.baselines;

import org.sgm.core.AnomalyDetector;

/**
 * What every unfitted baseline holds: its registry key and validated hyperparameters. A subclass supplies
 * {@code fit}: build a Tribuo dataset ({@link TribuoFeatures#dataset}), train, keep what scoring needs.
 *
 * @param <H> the hyperparameter record
 */
abstract class BaselineDetector<H extends Record> implements AnomalyDetector {
    private final String key;
    private final H hyperparameters;

    /**
     * @param key the registry key
     * @param hyperparameters validated hyperparameters
     */
    BaselineDetector(String key, H hyperparameters) {
        this.key = key;
        this.hyperparameters = hyperparameters;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final H hyperparameters() {
        return hyperparameters;
    }
}
