package org.sgm.eval.baselines;

/**
 * What an unfitted baseline ({@link BaselineDetector}) and a fitted one ({@link BaselineModel}) both hold: the
 * registry key and the hyperparameters.
 *
 * @param <H> the hyperparameter record
 */
abstract class Keyed<H extends Record> {
    private final String key;
    private final H hyperparameters;

    /**
     * @param key the registry key
     * @param hyperparameters the hyperparameters (validated)
     */
    Keyed(String key, H hyperparameters) {
        this.key = key;
        this.hyperparameters = hyperparameters;
    }

    /** @return the registry key */
    public final String key() {
        return key;
    }

    /** @return the hyperparameters */
    public final H hyperparameters() {
        return hyperparameters;
    }
}
