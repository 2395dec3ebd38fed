package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of the linear one-class SVM baseline: Tribuo's LIBLINEAR one-class trainer
 * ({@code LibLinearAnomalyTrainer}). Scores are the negated decision value
 * {@code −(w·x + b − ρ)}, higher = more anomalous; the model file keeps the weights, not a serialised LIBLINEAR model.
 */
public final class TribuoLinearOcsvmProvider extends BaselineProvider<LinearOcsvmHyperparameters> {
    /** Registry key of the linear one-class SVM baseline. */
    public static final String KEY = "tribuo-linear-ocsvm";

    /** Creates the provider; it holds no state. */
    public TribuoLinearOcsvmProvider() {
        super(KEY, "Linear one-class SVM (LIBLINEAR, Fan et al. JMLR 2008) via Tribuo; baseline",
                LinearOcsvmHyperparameters::defaults, LinearOcsvmDetector::new, LinearOcsvmModel::restore);
    }
}
