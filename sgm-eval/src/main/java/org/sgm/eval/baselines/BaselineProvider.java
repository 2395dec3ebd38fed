package org.sgm.eval.baselines;

import com.google.inject.Binder;
import java.util.function.Supplier;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.registry.Detectors;

/**
 * The registry entry of a baseline: the Tribuo ones and those written in SGM (Isolation Forest, k-NN, LOF, ECOD,
 * RCF). A baseline's provider subclasses it with its {@code KEY} and one constructor that declares everything in one
 * {@code super} call: the key and description, the hyperparameter record's defaults (the record class is taken from
 * them), how to make the unfitted detector and how to read a fitted model back from its state. A module registers
 * its baselines with one call, {@link #bind}. Baselines have no presets, no twin and no epochs.
 *
 * @param <H> the hyperparameter record
 */
abstract class BaselineProvider<H extends Record> implements DetectorProvider<H> {
    /** Makes the unfitted detector: a Tribuo baseline's constructor, or {@link FunctionDetector#fitting}. */
    @FunctionalInterface
    interface Create<H> {
        AnomalyDetector create(String key, H hyperparameters);
    }

    /** Reads a fitted model back from its state: the model's static {@code restore}. */
    @FunctionalInterface
    interface Restore<H> {
        FittedDetector restore(String key, H hyperparameters, ModelState state);
    }

    private final String key;
    private final String description;
    private final Supplier<H> defaults;
    private final Create<H> create;
    private final Restore<H> restore;

    /**
     * @param key the registry key
     * @param description one line for {@code sgm models}
     * @param defaults the default hyperparameters (the record's static {@code defaults})
     * @param create the unfitted detector for the key and validated hyperparameters
     * @param restore the fitted model from the key, its hyperparameters and its state
     */
    BaselineProvider(String key, String description, Supplier<H> defaults, Create<H> create, Restore<H> restore) {
        this.key = key;
        this.description = description;
        this.defaults = defaults;
        this.create = create;
        this.restore = restore;
    }

    /**
     * Registers baselines under their keys (the one Guice call of a baselines module). They hold no state, so each
     * is bound as one instance.
     *
     * @param binder the module's binder
     * @param providers the baselines
     */
    static void bind(Binder binder, BaselineProvider<?>... providers) {
        for (BaselineProvider<?> provider : providers) {
            Detectors.binder(binder).addBinding(provider.key).toInstance(provider);
        }
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String description() {
        return description;
    }

    /** @return the class of the defaults (a record class is final, so it is {@code H} itself) */
    @Override
    @SuppressWarnings("unchecked")
    public final Class<H> hyperparametersType() {
        return (Class<H>) defaults.get().getClass();
    }

    @Override
    public final H defaults() {
        return defaults.get();
    }

    @Override
    public final AnomalyDetector create(H hyperparameters) {
        return create.create(key, hyperparameters);
    }

    @Override
    public final FittedDetector restore(H hyperparameters, ModelState state) {
        return restore.restore(key, hyperparameters, state);
    }
}
