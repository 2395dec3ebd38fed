package org.sgm.eval.baselines;

import org.sgm.core.AnomalyDetector;

/**
 * What every unfitted baseline holds: its registry key and validated hyperparameters. A subclass supplies
 * {@code fit}: build a Tribuo dataset ({@link TribuoFeatures#dataset}), train, keep what scoring needs.
 *
 * @param <H> the hyperparameter record
 */
abstract class BaselineDetector<H extends Record> extends Keyed<H> implements AnomalyDetector {
    /**
     * @param key the registry key
     * @param hyperparameters validated hyperparameters
     */
    BaselineDetector(String key, H hyperparameters) {
        super(key, hyperparameters);
    }
}
