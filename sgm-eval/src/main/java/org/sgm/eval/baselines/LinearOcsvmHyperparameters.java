package org.sgm.eval.baselines;

import org.sgm.core.hyper.Violations;

/**
 * Hyperparameters of the linear one-class SVM baseline: LIBLINEAR's one-class SVM (Fan et al., "LIBLINEAR: A library
 * for large linear classification", JMLR 9, 2008; the ν formulation of Schölkopf et al. 2001 without a kernel),
 * trained through Tribuo. Every violation is reported at once.
 *
 * @param nu ν ∈ (0, 1]: an upper bound on the fraction of training rows outside the boundary; default 0.1
 * @param cost LIBLINEAR's cost parameter, &gt; 0 (Tribuo passes it on; the one-class solver is governed by ν);
 *     default 1
 * @param maxIterations the solver's iteration limit, ≥ 1; default 1000
 * @param tolerance the stopping tolerance, &gt; 0; default 0.01 (LIBLINEAR's own default for the one-class solver;
 *     Tribuo's is 0.1)
 */
public record LinearOcsvmHyperparameters(double nu, double cost, int maxIterations, double tolerance) {

    /** Validates every field, reporting all violations together. */
    public LinearOcsvmHyperparameters {
        Violations v = new Violations();
        v.require(nu > 0 && nu <= 1, "nu", "must be in (0, 1]", nu);
        v.require(cost > 0 && Double.isFinite(cost), "cost", "must be a finite number > 0", cost);
        v.require(maxIterations >= 1, "maxIterations", "must be ≥ 1", maxIterations);
        v.require(tolerance > 0 && Double.isFinite(tolerance), "tolerance", "must be a finite number > 0", tolerance);
        v.throwIfAny();
    }

    /** @return ν = 0.1, cost 1, 1000 iterations, tolerance 0.01 */
    public static LinearOcsvmHyperparameters defaults() {
        return new LinearOcsvmHyperparameters(0.1, 1, 1000, 0.01);
    }
}
