package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of the Local Outlier Factor (Breunig et al., SIGMOD 2000), written in SGM; new rows
 * are scored against the training rows.
 */
public final class LofProvider extends BaselineProvider<LofHyperparameters> {
    /** Registry key. */
    public static final String KEY = "lof";

    /** Creates the provider; it holds no state. */
    public LofProvider() {
        super(KEY, "Local Outlier Factor (Breunig et al. 2000), k = 20, new rows against the training rows; "
                + "baseline", LofHyperparameters::defaults, FunctionDetector.fitting(LofModel::fit), LofModel::restore);
    }
}
