package org.sgm.eval.baselines;

import java.util.Random;
import libsvm.svm;
import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyModel;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.LibSVMModel;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * The unfitted one-class SVM: RBF kernel, trained by Tribuo's {@link LibSVMAnomalyTrainer} on every training row
 * labelled {@code EXPECTED} (at most {@code maxTrainRows} of them: a seeded uniform sample beyond that).
 *
 * <p>Determinism: LibSVM draws from one process-global {@code Random}. Tribuo 4.3 re-seeds it from the
 * trainer's own seed inside {@code synchronized (LibSVMTrainer.class)} around each training call, so constructing
 * the trainer with the fit's seed makes concurrent fits reproducible without a lock of our own.
 */
final class OcsvmDetector extends BaselineDetector<OcsvmHyperparameters> {
    private static final Logger LOG = LoggerFactory.getLogger(OcsvmDetector.class);
    private static final AnomalyFactory FACTORY = new AnomalyFactory();

    static {
        // LibSVM prints its progress ("optimization finished, #iter = …") to System.out through one global hook;
        // send it to the debug log instead. This affects every LibSVM user in the JVM, which is what we want.
        svm.svm_set_print_string_function(message -> LOG.debug("libsvm: {}", message.strip()));
    }

    /**
     * @param key the registry key
     * @param hyperparameters validated hyperparameters
     */
    OcsvmDetector(String key, OcsvmHyperparameters hyperparameters) {
        super(key, hyperparameters);
    }

    @Override
    public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
        return OcsvmModel.of(key(), hyperparameters(), train(train, ctx.seed()), train.cols());
    }

    /**
     * Trains LibSVM through Tribuo; {@link #fit} takes the decision function out of the result.
     *
     * @param train the training rows (finite, at least one row and one column)
     * @param seed the fit's seed: it draws the sample beyond {@code maxTrainRows} and seeds LibSVM
     * @return Tribuo's model, over features named by {@link TribuoFeatures#names}
     */
    LibSVMAnomalyModel train(FeatureMatrix train, long seed) {
        TribuoFeatures.requireNonEmpty(key(), train);
        FeatureMatrix rows = Subsample.rows(train, hyperparameters().maxTrainRows(), seed);
        MutableDataset<Event> dataset = TribuoFeatures.dataset(rows, FACTORY, AnomalyFactory.EXPECTED_EVENT);

        SVMParameters<Event> parameters =
                new SVMParameters<>(new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        parameters.setNu(hyperparameters().nu());
        // Resolved here rather than left at 0: Tribuo would substitute 1/(d+1), counting LibSVM's bias slot.
        parameters.setGamma(hyperparameters().gammaFor(train.cols()));
        parameters.setCacheSize(hyperparameters().cacheSizeMb());

        LibSVMModel<Event> model = new LibSVMAnomalyTrainer(parameters, seed).train(dataset);
        return (LibSVMAnomalyModel) model;
    }
}
