package org.sgm.eval.baselines;

import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of the HDBSCAN* / GLOSH baseline (Campello, Moulavi, Zimek and Sander, "Hierarchical density
 * estimates for data clustering, visualization, and outlier detection", ACM TKDD 10(1), 2015,
 * doi:10.1145/2733381), clustered by Tribuo. Every violation is reported at once.
 *
 * @param minClusterSize the fewest rows that form a cluster, ≥ 2; default 5 (capped at the training rows)
 * @param k the neighbours of the core distance (the row itself counts as the first), ≥ 1; default 5 (capped at
 *     the training rows)
 * @param maxTrainRows the most training rows clustered, ≥ 2; default 5000. HDBSCAN* takes time and memory quadratic
 *     in the rows, so a larger training set is replaced by a uniform sample of this many rows drawn with the fit's
 *     seed; scoring costs one distance per sampled row.
 */
public record HdbscanHyperparameters(int minClusterSize, int k, int maxTrainRows) {

    /** Validates every field, reporting all violations together. */
    public HdbscanHyperparameters {
        Violations v = new Violations();
        v.require(minClusterSize >= 2, "minClusterSize", "must be ≥ 2", minClusterSize);
        v.require(k >= 1, "k", "must be ≥ 1", k);
        v.require(maxTrainRows >= 2, "maxTrainRows", "must be ≥ 2", maxTrainRows);
        v.throwIfAny();
    }

    /** @return minClusterSize = 5, k = 5, at most 5000 training rows */
    public static HdbscanHyperparameters defaults() {
        return new HdbscanHyperparameters(5, 5, 5000);
    }
}
