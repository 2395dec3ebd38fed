package org.sgm.eval.baselines;

import java.util.List;
import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of the k-nearest-neighbour detector (Ramaswamy, Rastogi and Shim, SIGMOD 2000; Angiulli and
 * Pizzuti, PKDD 2002): a row's score is its distance to its k-th nearest training row, or the mean or median of the
 * distances to its k nearest (PyOD's {@code KNN} methods). Every violation is reported at once.
 *
 * @param k the number of neighbours, ≥ 1; default 5 (PyOD's). A fit on k rows or fewer uses all of them
 * @param method {@code largest} (the k-th distance; default), {@code mean} or {@code median}
 */
public record KnnHyperparameters(int k, String method) {
    /** The methods, as PyOD names them. */
    static final List<String> METHODS = List.of("largest", "mean", "median");

    /** Validates every field, reporting all violations together. */
    public KnnHyperparameters {
        Violations v = new Violations();
        v.require(k >= 1, "k", "must be ≥ 1", k);
        v.require(METHODS.contains(method), "method", "must be one of " + METHODS, method);
        v.throwIfAny();
    }

    /** @return k = 5, the k-th distance */
    public static KnnHyperparameters defaults() {
        return new KnnHyperparameters(5, "largest");
    }
}
