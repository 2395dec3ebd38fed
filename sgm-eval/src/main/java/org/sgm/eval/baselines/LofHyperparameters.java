package org.sgm.eval.baselines;

import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of the Local Outlier Factor (Breunig, Kriegel, Ng and Sander, SIGMOD 2000), scoring new rows
 * against the training rows as scikit-learn's {@code LocalOutlierFactor(novelty=True)} does.
 *
 * @param k the number of neighbours, ≥ 1; default 20 (scikit-learn's). A fit on k rows or fewer uses all others
 */
public record LofHyperparameters(int k) {

    /** Validates every field. */
    public LofHyperparameters {
        Violations v = new Violations();
        v.require(k >= 1, "k", "must be ≥ 1", k);
        v.throwIfAny();
    }

    /** @return k = 20 */
    public static LofHyperparameters defaults() {
        return new LofHyperparameters(20);
    }
}
