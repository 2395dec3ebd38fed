package org.sgm.eval.baselines;

import java.util.List;
import org.sgm.core.EpochStats;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;

/**
 * What every fitted baseline shares: key, hyperparameters, input width, no training curve, and the checks
 * before scoring (the width it was fitted on, finite values). A subclass scores checked rows and saves its state.
 *
 * @param <H> the hyperparameter record
 */
abstract class BaselineModel<H extends Record> extends Keyed<H> implements FittedDetector {
    /** The number of features it was fitted on. */
    protected final int inputDim;

    /**
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param inputDim the number of features
     */
    BaselineModel(String key, H hyperparameters, int inputDim) {
        super(key, hyperparameters);
        this.inputDim = inputDim;
    }

    @Override
    public final int inputDim() {
        return inputDim;
    }

    @Override
    public final double[] score(FeatureMatrix x) {
        TribuoFeatures.requireWidth(key(), inputDim, x);
        TribuoFeatures.requireFinite(x);
        return scoreChecked(x);
    }

    /**
     * @param x rows of {@link #inputDim()} finite features
     * @return one score per row, higher = more anomalous
     */
    abstract double[] scoreChecked(FeatureMatrix x);

    @Override
    public final List<EpochStats> history() {
        return List.of();
    }
}
