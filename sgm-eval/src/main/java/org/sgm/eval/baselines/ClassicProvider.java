package org.sgm.eval.baselines;

import java.util.function.Supplier;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;

/**
 * The registry entry of a shallow detector written in SGM (Isolation Forest, k-NN, LOF, ECOD): key, description,
 * hyperparameters, a fit and a restore.
 *
 * @param <H> the hyperparameter record
 */
abstract class ClassicProvider<H extends Record> implements DetectorProvider<H> {
    /** Reads a fitted model back from its state. */
    @FunctionalInterface
    interface Restore<H> {
        FittedDetector restore(String key, H hyperparameters, ModelState state);
    }

    private final String key;
    private final String description;
    private final Class<H> type;
    private final Supplier<H> defaults;
    private final FunctionDetector.Fit<H> fit;
    private final Restore<H> restore;

    ClassicProvider(String key, String description, Class<H> type, Supplier<H> defaults, FunctionDetector.Fit<H> fit,
            Restore<H> restore) {
        this.key = key;
        this.description = description;
        this.type = type;
        this.defaults = defaults;
        this.fit = fit;
        this.restore = restore;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<H> hyperparametersType() {
        return type;
    }

    @Override
    public final H defaults() {
        return defaults.get();
    }

    @Override
    public final AnomalyDetector create(H hyperparameters) {
        return new FunctionDetector<>(key, hyperparameters, fit);
    }

    @Override
    public final FittedDetector restore(H hyperparameters, ModelState state) {
        return restore.restore(key, hyperparameters, state);
    }
}
