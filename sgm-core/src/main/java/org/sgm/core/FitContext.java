package org.sgm.core;

import java.util.List;

/**
 * Everything a fit needs besides data and hyperparameters: the seed of every random choice, and listeners.
 *
 * @param seed the seed; the same seed on the same data gives the same scores
 * @param listeners notified as training progresses (never given labels)
 */
public record FitContext(long seed, List<TrainingListener> listeners) {

    /** Copies the listener list. */
    public FitContext {
        listeners = List.copyOf(listeners);
    }

    /**
     * @param seed the seed
     * @return a context with no listeners
     */
    public static FitContext of(long seed) {
        return new FitContext(seed, List.of());
    }

    /**
     * @param seed the seed
     * @param listeners the listeners
     * @return a context
     */
    public static FitContext of(long seed, TrainingListener... listeners) {
        return new FitContext(seed, List.of(listeners));
    }
}
