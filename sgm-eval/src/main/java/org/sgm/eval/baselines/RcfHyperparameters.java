package org.sgm.eval.baselines;

import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of Amazon's Random Cut Forest (Guha, Mishra, Roy and Schrijvers, ICML 2016), the library's
 * defaults.
 *
 * @param trees the number of trees, ≥ 1; default 50
 * @param sampleSize the points each tree keeps (reservoir sampling of the stream), ≥ 2; default 256
 */
public record RcfHyperparameters(int trees, int sampleSize) {

    /** Validates every field, reporting all violations together. */
    public RcfHyperparameters {
        Violations v = new Violations();
        v.require(trees >= 1, "trees", "must be ≥ 1", trees);
        v.require(sampleSize >= 2, "sampleSize", "must be ≥ 2", sampleSize);
        v.throwIfAny();
    }

    /** @return 50 trees, 256 points each */
    public static RcfHyperparameters defaults() {
        return new RcfHyperparameters(50, 256);
    }
}
