package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of the one-class SVM baseline: Tribuo's LibSVM one-class trainer with an RBF
 * kernel (Schölkopf et al., Neural Computation 2001). Scores are the negated decision value, higher = more
 * anomalous, computed from the support vectors, their coefficients, ρ and the kernel, which the model file keeps as
 * double arrays; files written before, which hold Tribuo's protobuf form of the model, still load.
 */
public final class TribuoOcsvmProvider extends BaselineProvider<OcsvmHyperparameters> {
    /** Registry key of the one-class SVM baseline. */
    public static final String KEY = "tribuo-ocsvm";

    /** Creates the provider; it holds no state. */
    public TribuoOcsvmProvider() {
        super(KEY, "One-class SVM, RBF kernel (Schölkopf et al., Neural Computation 2001), via Tribuo/LibSVM; "
                + "baseline", OcsvmHyperparameters::defaults, OcsvmDetector::new, OcsvmModel::restore);
    }
}
