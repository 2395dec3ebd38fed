package org.sgm.core;

import java.util.List;

/**
 * Everything a fit needs besides data and hyperparameters: the seed of every random choice, listeners, and how
 * many threads the fit may use.
 *
 * @param seed the seed; the same seed on the same data gives the same scores
 * @param listeners notified as training progresses (never given labels)
 * @param threads how many threads the fit may use (≥ 1): an ensemble ({@code training.members}) trains up to this
 *     many members at once; the scores do not depend on it. 1 (the default) where the caller runs fits in parallel
 *     itself, as the experiment runner does
 */
public record FitContext(long seed, List<TrainingListener> listeners, int threads) {

    /** Copies the listener list. */
    public FitContext {
        listeners = List.copyOf(listeners);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
    }

    /**
     * A context on one thread.
     *
     * @param seed the seed
     * @param listeners the listeners
     */
    public FitContext(long seed, List<TrainingListener> listeners) {
        this(seed, listeners, 1);
    }

    /**
     * @param seed the seed
     * @return a context with no listeners, on one thread
     */
    public static FitContext of(long seed) {
        return new FitContext(seed, List.of());
    }

    /**
     * @param seed the seed
     * @param listeners the listeners
     * @return a context on one thread
     */
    public static FitContext of(long seed, TrainingListener... listeners) {
        return new FitContext(seed, List.of(listeners));
    }

    /**
     * @param n how many threads the fit may use (≥ 1)
     * @return a copy with that many threads
     */
    public FitContext withThreads(int n) {
        return new FitContext(seed, listeners, n);
    }
}
