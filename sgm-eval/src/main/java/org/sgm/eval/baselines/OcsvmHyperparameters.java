package org.sgm.eval.baselines;

import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of the one-class SVM baseline (Schölkopf et al., "Estimating the support of a high-dimensional
 * distribution", Neural Computation 13(7), 2001, doi:10.1162/089976601750264965) with an RBF kernel
 * {@code k(x, y) = exp(−γ‖x − y‖²)}, trained by LibSVM through Tribuo. Every violation is reported at once.
 *
 * @param nu ν ∈ (0, 1]: an upper bound on the fraction of training rows outside the boundary and a lower bound on
 *     the fraction of support vectors; default 0.1
 * @param gamma the RBF width γ ≥ 0; 0 (the default) means {@code 1 / d} for {@code d} features
 * @param cacheSizeMb LibSVM's kernel cache in MiB (heap), ≥ 1; default 200 (LibSVM's own default of 500 can
 *     exhaust a 1 GiB heap on large training sets)
 * @param maxTrainRows the most training rows LibSVM is given, ≥ 1; default 10 000. Training takes time between
 *     quadratic and cubic in the rows (and kernel rows beyond the cache are recomputed), so a larger training set is
 *     replaced by a uniform sample of this many rows drawn with the fit's seed.
 */
public record OcsvmHyperparameters(double nu, double gamma, int cacheSizeMb, int maxTrainRows) {

    /** Validates every field, reporting all violations together. */
    public OcsvmHyperparameters {
        Violations v = new Violations();
        v.require(nu > 0 && nu <= 1, "nu", "must be in (0, 1]", nu);
        v.require(gamma >= 0 && Double.isFinite(gamma), "gamma", "must be a finite number ≥ 0 (0 means 1/d)", gamma);
        v.require(cacheSizeMb >= 1, "cacheSizeMb", "must be ≥ 1", cacheSizeMb);
        v.require(maxTrainRows >= 1, "maxTrainRows", "must be ≥ 1", maxTrainRows);
        v.throwIfAny();
    }

    /** Default of {@link #maxTrainRows()}. */
    public static final int DEFAULT_MAX_TRAIN_ROWS = 10_000;

    /**
     * Hyperparameters with the default training-row cap.
     *
     * @param nu see the record description
     * @param gamma see the record description
     * @param cacheSizeMb see the record description
     */
    public OcsvmHyperparameters(double nu, double gamma, int cacheSizeMb) {
        this(nu, gamma, cacheSizeMb, DEFAULT_MAX_TRAIN_ROWS);
    }

    /** @return ν = 0.1, γ = 1/d, a 200 MiB kernel cache, at most 10 000 training rows */
    public static OcsvmHyperparameters defaults() {
        return new OcsvmHyperparameters(0.1, 0, 200, DEFAULT_MAX_TRAIN_ROWS);
    }

    /**
     * @param features the number of features {@code d}
     * @return the RBF width actually used: {@link #gamma()}, or {@code 1 / d} if it is 0
     */
    public double gammaFor(int features) {
        return gamma == 0 ? 1.0 / features : gamma;
    }
}
