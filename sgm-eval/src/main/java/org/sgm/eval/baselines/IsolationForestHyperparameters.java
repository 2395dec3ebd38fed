package org.sgm.eval.baselines;

import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of Isolation Forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008).
 *
 * @param trees the number of isolation trees, ≥ 1; default 100 (the paper's and scikit-learn's)
 * @param subsample rows drawn without replacement for each tree, ≥ 2; default 256 (capped at the training rows)
 */
public record IsolationForestHyperparameters(int trees, int subsample) {
    /** The largest forest, in nodes, whose indices a float holds exactly. */
    static final long MAX_NODES = 1L << 24;

    /** Validates every field, reporting all violations together. */
    public IsolationForestHyperparameters {
        Violations v = new Violations();
        v.require(trees >= 1, "trees", "must be ≥ 1", trees);
        v.require(subsample >= 2, "subsample", "must be ≥ 2", subsample);
        v.require((long) trees * (2L * subsample - 1) <= MAX_NODES, "trees × (2·subsample − 1)",
                "must be at most " + MAX_NODES + " (the forest's nodes are stored as float indices)",
                (long) trees * (2L * subsample - 1));
        v.throwIfAny();
    }

    /** @return 100 trees of 256 rows */
    public static IsolationForestHyperparameters defaults() {
        return new IsolationForestHyperparameters(100, 256);
    }
}
