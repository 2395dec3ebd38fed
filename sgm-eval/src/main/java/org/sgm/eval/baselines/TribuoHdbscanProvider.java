package org.sgm.eval.baselines;

import com.google.inject.Inject;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;

/**
 * Registry entry ({@value #KEY}) of the HDBSCAN* / GLOSH baseline: Tribuo's {@code HdbscanTrainer} computes the
 * GLOSH outlier score of every training row; new rows get a GLOSH-style score from their nearest training row in
 * mutual reachability distance (see {@link HdbscanOutlierModel}). Higher = more anomalous.
 */
public final class TribuoHdbscanProvider implements DetectorProvider<HdbscanHyperparameters> {
    /** Registry key of the HDBSCAN* baseline. */
    public static final String KEY = "tribuo-hdbscan";

    /** Creates the provider; it holds no state. */
    @Inject
    public TribuoHdbscanProvider() {}

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String description() {
        return "HDBSCAN* GLOSH outlier score (Campello et al., ACM TKDD 2015) via Tribuo; baseline";
    }

    @Override
    public Class<HdbscanHyperparameters> hyperparametersType() {
        return HdbscanHyperparameters.class;
    }

    @Override
    public HdbscanHyperparameters defaults() {
        return HdbscanHyperparameters.defaults();
    }

    @Override
    public AnomalyDetector create(HdbscanHyperparameters hyperparameters) {
        return new HdbscanDetector(KEY, hyperparameters);
    }

    @Override
    public FittedDetector restore(HdbscanHyperparameters hyperparameters, ModelState state) {
        return HdbscanOutlierModel.restore(KEY, hyperparameters, state);
    }
}
