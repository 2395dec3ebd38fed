package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of Isolation Forest (Liu, Ting and Zhou, ICDM 2008), written in SGM.
 */
public final class IsolationForestProvider extends BaselineProvider<IsolationForestHyperparameters> {
    /** Registry key. */
    public static final String KEY = "iforest";

    /** Creates the provider; it holds no state. */
    public IsolationForestProvider() {
        super(KEY, "Isolation Forest (Liu et al. 2008): 100 trees of 256 rows, score 2^(−E[h]/c(ψ)); baseline",
                IsolationForestHyperparameters::defaults, FunctionDetector.fitting(IsolationForestModel::fit),
                IsolationForestModel::restore);
    }
}
