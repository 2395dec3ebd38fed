package org.sgm.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.sgm.core.SgmException;
import org.sgm.core.UnknownDetectorException;
import org.sgm.core.hyper.HyperparameterJson;

/**
 * Every registered detector by key. Built by Guice from the {@code MapBinder<String, DetectorProvider<?>>} that
 * backbone and baseline modules contribute to (see {@link Detectors#binder}); {@link #discover()} finds those modules
 * on the classpath ({@link DetectorModule}, {@link ServiceLoader}), or a caller passes its own to Guice.
 */
public final class DetectorRegistry {
    private static final Map<ClassLoader, DetectorRegistry> DISCOVERED = new WeakHashMap<>();
    private final SortedMap<String, DetectorProvider<?>> providers;

    /**
     * The registry of every {@link DetectorModule} listed in {@code META-INF/services} on the thread's context class
     * loader (SGM's own: the score-guided models and twins in sgm-models; the baselines in sgm-eval; the VAE example
     * in sgm-examples), created once per class loader.
     *
     * @return the registry
     * @throws SgmException naming the module if a listed module cannot be loaded or two modules
     *     register one key
     */
    public static DetectorRegistry discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DetectorRegistry.class.getClassLoader();
        }
        return discover(loader);
    }

    /**
     * @param loader where to look for {@code META-INF/services/org.sgm.core.registry.DetectorModule}
     * @return the registry of every module listed there, created once per class loader
     */
    public static DetectorRegistry discover(ClassLoader loader) {
        synchronized (DISCOVERED) {
            DetectorRegistry r = DISCOVERED.get(loader);
            if (r == null) {
                try {
                    r = Guice.createInjector(modules(loader)).getInstance(DetectorRegistry.class);
                } catch (com.google.inject.CreationException | com.google.inject.ProvisionException e) {
                    String first = e.getMessage().lines().filter(l -> l.contains(")") || l.contains("bound"))
                            .findFirst().orElse(e.getMessage().lines().findFirst().orElse("")).trim();
                    throw new SgmException("the detector modules on the classpath (META-INF/services/"
                            + DetectorModule.class.getName() + ") cannot be combined: " + first);
                }
                DISCOVERED.put(loader, r);
            }
            return r;
        }
    }

    /**
     * @param loader a class loader
     * @return the detector modules it lists, in a stable order (by class name)
     * @throws SgmException naming the module if one cannot be loaded
     */
    public static List<DetectorModule> modules(ClassLoader loader) {
        List<DetectorModule> out = new ArrayList<>();
        Iterator<DetectorModule> it = ServiceLoader.load(DetectorModule.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                throw new SgmException("a detector module listed in META-INF/services/"
                        + DetectorModule.class.getName() + " cannot be loaded: " + e.getMessage());
            }
        }
        out.sort(Comparator.comparing(m -> m.getClass().getName()));
        return out;
    }

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
     * @param key a registry key (or {@code KEY@PRESET})
     * @return the key of its plain twin if it is a registered score-guided model (its provider's
     *     {@link DetectorProvider#twinOf()}), else null (also for a key this registry does not know)
     */
    public String twinOf(String key) {
        try {
            return get(key).twinOf();
        } catch (UnknownDetectorException e) {
            return null;
        }
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
