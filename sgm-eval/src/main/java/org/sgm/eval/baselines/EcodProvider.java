package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of ECOD (Li et al., TKDE 2022), written in SGM.
 */
public final class EcodProvider extends BaselineProvider<EcodHyperparameters> {
    /** Registry key. */
    public static final String KEY = "ecod";

    /** Creates the provider; it holds no state. */
    public EcodProvider() {
        super(KEY, "ECOD (Li et al. 2022): empirical-CDF tail probabilities per feature, skewness-corrected; baseline",
                EcodHyperparameters::defaults, FunctionDetector.fitting(EcodModel::fit), EcodModel::restore);
    }
}
