package org.sgm.eval.baselines;

import com.google.inject.Inject;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;

/**
 * Registry entry ({@value #KEY}) of the one-class SVM baseline: Tribuo's LibSVM one-class trainer with an RBF
 * kernel (Schölkopf et al., Neural Computation 2001). Scores are the negated decision value, higher = more
 * anomalous, computed from the support vectors, their coefficients, ρ and the kernel, which the model file keeps as
 * double arrays; files written before, which hold Tribuo's protobuf form of the model, still load.
 */
public final class TribuoOcsvmProvider implements DetectorProvider<OcsvmHyperparameters> {
    /** Registry key of the one-class SVM baseline. */
    public static final String KEY = "tribuo-ocsvm";

    /** Creates the provider; it holds no state. */
    @Inject
    public TribuoOcsvmProvider() {}

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String description() {
        return "One-class SVM, RBF kernel (Schölkopf et al., Neural Computation 2001), via Tribuo/LibSVM; baseline";
    }

    @Override
    public Class<OcsvmHyperparameters> hyperparametersType() {
        return OcsvmHyperparameters.class;
    }

    @Override
    public OcsvmHyperparameters defaults() {
        return OcsvmHyperparameters.defaults();
    }

    @Override
    public AnomalyDetector create(OcsvmHyperparameters hyperparameters) {
        return new OcsvmDetector(KEY, hyperparameters);
    }

    @Override
    public FittedDetector restore(OcsvmHyperparameters hyperparameters, ModelState state) {
        return OcsvmModel.restore(KEY, hyperparameters, state);
    }
}
