package org.sgm.eval.baselines;

import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of the k-means baseline: Lloyd's algorithm with k-means++ initialisation (Arthur and Vassilvitskii,
 * SODA 2007), trained by Tribuo; a row's score is its Euclidean distance to the nearest centroid. Every violation is
 * reported at once.
 *
 * @param k the number of centroids, ≥ 1; default 8. A fit on fewer rows uses one centroid per row.
 * @param iterations the maximum number of Lloyd iterations, ≥ 1; default 100
 */
public record KMeansHyperparameters(int k, int iterations) {

    /** Validates every field, reporting all violations together. */
    public KMeansHyperparameters {
        Violations v = new Violations();
        v.require(k >= 1, "k", "must be ≥ 1", k);
        v.require(iterations >= 1, "iterations", "must be ≥ 1", iterations);
        v.throwIfAny();
    }

    /** @return k = 8, 100 iterations */
    public static KMeansHyperparameters defaults() {
        return new KMeansHyperparameters(8, 100);
    }
}
