package org.sgm.eval.baselines;

import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;

/**
 * An unfitted baseline whose fit is one function of the training rows and the fit's context.
 *
 * @param <H> the hyperparameter record
 */
final class FunctionDetector<H extends Record> extends BaselineDetector<H> {
    /** The fit. */
    @FunctionalInterface
    interface Fit<H> {
        /**
         * @param key the registry key
         * @param hyperparameters validated hyperparameters
         * @param train the training rows (finite, at least one)
         * @param ctx seed and listeners
         * @return the fitted model
         */
        FittedDetector fit(String key, H hyperparameters, FeatureMatrix train, FitContext ctx);
    }

    private final Fit<H> fit;

    FunctionDetector(String key, H hyperparameters, Fit<H> fit) {
        super(key, hyperparameters);
        this.fit = fit;
    }

    /**
     * @param fit the fit
     * @param <H> the hyperparameter record
     * @return what a {@link BaselineProvider} makes its unfitted detectors with: one that fits by {@code fit}
     */
    static <H extends Record> BaselineProvider.Create<H> fitting(Fit<H> fit) {
        return (key, hyperparameters) -> new FunctionDetector<>(key, hyperparameters, fit);
    }

    @Override
    public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
        TribuoFeatures.requireNonEmpty(key(), train);
        TribuoFeatures.requireFinite(train);
        return fit.fit(key(), hyperparameters(), train, ctx);
    }
}
