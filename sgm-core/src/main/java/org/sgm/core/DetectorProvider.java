package org.sgm.core;

import java.util.Set;
import java.util.TreeSet;

/**
 * A registry entry: how to make a detector from its hyperparameters, and how to restore a fitted one from a model
 * file. Providers are bound by key in a Guice {@code MapBinder<String, DetectorProvider<?>>}.
 *
 * @param <H> the hyperparameter record type
 */
public interface DetectorProvider<H extends Record> {

    /** @return the registry key, kebab-case (e.g. {@code "sg-ae"}) */
    String key();

    /** @return a one-line description for {@code sgm models} */
    String description();

    /** @return the hyperparameter record class (JSON is bound to it) */
    Class<H> hyperparametersType();

    /** @return the default hyperparameters */
    H defaults();

    /**
     * @param hyperparameters validated hyperparameters
     * @return an unfitted detector
     */
    AnomalyDetector create(H hyperparameters);

    /**
     * Rebuilds a fitted model from what {@link FittedDetector#state()} returned.
     *
     * @param hyperparameters the hyperparameters it was fitted with
     * @param state its fitted state
     * @return the fitted model, scoring exactly as the original did
     */
    FittedDetector restore(H hyperparameters, ModelState state);

    /**
     * @return whether this detector trains in epochs with a {@code training} block ({@code TrainingConfig}) in its
     *     hyperparameters, so that settings such as {@code --epochs} and {@code --no-early-stop} apply to it; false
     *     by default (the classical baselines)
     */
    default boolean trainsInEpochs() {
        return false;
    }

    /**
     * @return the registry key of this detector's plain twin if it is a score-guided model (e.g. {@code ae} for
     *     {@code sg-ae}, {@code ae@paper} for {@code sg-ae@paper}); null otherwise. Reports pair SG-X with X by it.
     */
    default String twinOf() {
        return null;
    }

    /** @return the names of this detector's presets (registry keys {@code KEY@PRESET}); none by default */
    default Set<String> presets() {
        return Set.of();
    }

    /**
     * A preset: the same detector with other defaults, registered under {@code KEY@NAME} (e.g. {@code sg-ae@paper}
     * for the authors' exact defaults). Its detectors and model files carry that key.
     *
     * @param name the preset's name
     * @return its provider
     * @throws UnknownDetectorException naming the known presets if there is none
     */
    default DetectorProvider<H> preset(String name) {
        throw new UnknownDetectorException("model '" + key() + "' has no preset '" + name + "'"
                + (presets().isEmpty() ? " (it has none)" : "; its presets: " + String.join(", ",
                        new TreeSet<>(presets()))));
    }

    /**
     * Casts an arbitrary record to this provider's hyperparameter type, with a clear error.
     *
     * @param hyperparameters a record
     * @return the same record, typed
     */
    default H cast(Record hyperparameters) {
        if (!hyperparametersType().isInstance(hyperparameters)) {
            throw new SgmException("detector " + key() + " takes " + hyperparametersType().getSimpleName()
                    + ", not " + hyperparameters.getClass().getSimpleName());
        }
        return hyperparametersType().cast(hyperparameters);
    }
}
