package org.sgm.eval.baselines;

import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.liblinear.LibLinearAnomalyModel;
import org.tribuo.anomaly.liblinear.LibLinearAnomalyTrainer;
import org.tribuo.anomaly.liblinear.LinearAnomalyType;

/**
 * The unfitted linear one-class SVM, trained by Tribuo's {@link LibLinearAnomalyTrainer} on every training row
 * labelled {@code EXPECTED}.
 *
 * <p>Determinism: Tribuo trains under a lock on its LIBLINEAR trainer class and resets LIBLINEAR's global random
 * generator before each call, so the same rows give the same weights, also when fits run concurrently.
 */
final class LinearOcsvmDetector extends BaselineDetector<LinearOcsvmHyperparameters> {
    private static final AnomalyFactory FACTORY = new AnomalyFactory();

    /**
     * @param key the registry key
     * @param hyperparameters validated hyperparameters
     */
    LinearOcsvmDetector(String key, LinearOcsvmHyperparameters hyperparameters) {
        super(key, hyperparameters);
    }

    @Override
    public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
        TribuoFeatures.requireNonEmpty(key(), train);
        MutableDataset<Event> dataset = TribuoFeatures.dataset(train, FACTORY, AnomalyFactory.EXPECTED_EVENT);
        LibLinearAnomalyTrainer trainer = new LibLinearAnomalyTrainer(
                new LinearAnomalyType(LinearAnomalyType.LinearType.ONECLASS_SVM), hyperparameters().cost(),
                hyperparameters().maxIterations(), hyperparameters().tolerance(), hyperparameters().nu(), ctx.seed());
        LibLinearAnomalyModel model = (LibLinearAnomalyModel) trainer.train(dataset);
        return LinearOcsvmModel.of(key(), hyperparameters(), model, train.cols());
    }
}
