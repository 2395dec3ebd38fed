package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of Amazon's Random Cut Forest (library randomcutforest-core), the training rows
 * streamed through it once.
 */
public final class RcfProvider extends BaselineProvider<RcfHyperparameters> {
    /** Registry key. */
    public static final String KEY = "rcf";

    /** Creates the provider; it holds no state. */
    public RcfProvider() {
        super(KEY, "Random Cut Forest (Amazon's randomcutforest-core), 50 trees of 256 points, the training rows "
                + "streamed once; baseline", RcfHyperparameters::defaults, FunctionDetector.fitting(RcfModel::fit),
                RcfModel::restore);
    }
}
