package org.sgm.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.hyper.HyperparameterJson;

/**
 * Every registered detector by key. Built by Guice from the {@code MapBinder<String, DetectorProvider<?>>} that
 * backbone and baseline modules contribute to (see {@link Detectors#binder}); nothing here is reflective.
 */
public final class DetectorRegistry {
    private final SortedMap<String, DetectorProvider<?>> providers;

    /**
     * @param providers the providers by key
     */
    @Inject
    public DetectorRegistry(Map<String, DetectorProvider<?>> providers) {
        this.providers = Collections.unmodifiableSortedMap(new TreeMap<>(providers));
        this.providers.forEach((k, p) -> {
            if (!k.equals(p.key())) {
                throw new IllegalStateException("detector bound as '" + k + "' reports key '" + p.key() + "'");
            }
        });
    }

    /** @return the providers, sorted by key */
    public SortedMap<String, DetectorProvider<?>> providers() {
        return providers;
    }

    /**
     * @param key a registry key, or {@code KEY@PRESET} for a preset of it (e.g. {@code sg-ae@paper})
     * @return its provider
     * @throws UnknownDetectorException naming the known keys (or presets) if there is none
     */
    public DetectorProvider<?> get(String key) {
        int at = key.indexOf('@');
        if (at > 0) {
            return get(key.substring(0, at)).preset(key.substring(at + 1));
        }
        DetectorProvider<?> p = providers.get(key);
        if (p == null) {
            throw new UnknownDetectorException("unknown model '" + key + "'; known models: "
                    + String.join(", ", providers.keySet()));
        }
        return p;
    }

    /**
     * Creates a detector with the provider's defaults overridden by {@code overrides}.
     *
     * @param key a registry key
     * @param overrides JSON laid over the defaults (null for none)
     * @return the unfitted detector
     */
    public AnomalyDetector create(String key, JsonNode overrides) {
        return createTyped(get(key), overrides);
    }

    /**
     * Restores a fitted model from its hyperparameters' JSON and state.
     *
     * @param key a registry key
     * @param hyperparameters the hyperparameters as stored
     * @param state the fitted state
     * @return the fitted model
     */
    public FittedDetector restore(String key, JsonNode hyperparameters, ModelState state) {
        return restoreTyped(get(key), hyperparameters, state);
    }

    private static <H extends Record> AnomalyDetector createTyped(DetectorProvider<H> p, JsonNode overrides) {
        return p.create(HyperparameterJson.read(p.hyperparametersType(), p.defaults(), overrides));
    }

    private static <H extends Record> FittedDetector restoreTyped(DetectorProvider<H> p, JsonNode hp, ModelState s) {
        return p.restore(HyperparameterJson.read(p.hyperparametersType(), p.defaults(), hp), s);
    }
}
