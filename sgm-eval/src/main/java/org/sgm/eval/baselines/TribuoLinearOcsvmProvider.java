package org.sgm.eval.baselines;

import com.google.inject.Inject;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;
import org.tribuo.anomaly.liblinear.LibLinearAnomalyTrainer;

/**
 * Registry entry ({@value #KEY}) of the linear one-class SVM baseline: Tribuo's LIBLINEAR one-class trainer
 * ({@code LibLinearAnomalyTrainer}). Scores are the negated decision value
 * {@code −(w·x + b − ρ)}, higher = more anomalous; the model file keeps the weights, not a serialised LIBLINEAR model.
 */
public final class TribuoLinearOcsvmProvider implements DetectorProvider<LinearOcsvmHyperparameters> {
    /** Registry key of the linear one-class SVM baseline. */
    public static final String KEY = "tribuo-linear-ocsvm";

    /** Creates the provider; it holds no state. */
    @Inject
    public TribuoLinearOcsvmProvider() {}

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String description() {
        return "Linear one-class SVM (LIBLINEAR, Fan et al. JMLR 2008) via Tribuo; baseline";
    }

    @Override
    public Class<LinearOcsvmHyperparameters> hyperparametersType() {
        return LinearOcsvmHyperparameters.class;
    }

    @Override
    public LinearOcsvmHyperparameters defaults() {
        return LinearOcsvmHyperparameters.defaults();
    }

    @Override
    public AnomalyDetector create(LinearOcsvmHyperparameters hyperparameters) {
        return new LinearOcsvmDetector(KEY, hyperparameters);
    }

    @Override
    public FittedDetector restore(LinearOcsvmHyperparameters hyperparameters, ModelState state) {
        return LinearOcsvmModel.restore(KEY, hyperparameters, state);
    }
}
