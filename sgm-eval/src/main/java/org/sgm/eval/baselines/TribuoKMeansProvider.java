package org.sgm.eval.baselines;

import com.google.inject.Inject;
import org.sgm.core.AnomalyDetector;
import org.sgm.core.DetectorProvider;
import org.sgm.core.FittedDetector;
import org.sgm.core.ModelState;

/**
 * Registry entry ({@value #KEY}) of the k-means baseline: Tribuo's {@code KMeansTrainer} with k-means++
 * initialisation, seeded. A row's score is its Euclidean distance to the nearest centroid, higher = more anomalous;
 * the model file keeps the centroids.
 */
public final class TribuoKMeansProvider implements DetectorProvider<KMeansHyperparameters> {
    /** Registry key of the k-means baseline. */
    public static final String KEY = "tribuo-kmeans";

    /** Creates the provider; it holds no state. */
    @Inject
    public TribuoKMeansProvider() {}

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String description() {
        return "k-means (k-means++ init), distance to the nearest centroid, via Tribuo; baseline";
    }

    @Override
    public Class<KMeansHyperparameters> hyperparametersType() {
        return KMeansHyperparameters.class;
    }

    @Override
    public KMeansHyperparameters defaults() {
        return KMeansHyperparameters.defaults();
    }

    @Override
    public AnomalyDetector create(KMeansHyperparameters hyperparameters) {
        return new KMeansDetector(KEY, hyperparameters);
    }

    @Override
    public FittedDetector restore(KMeansHyperparameters hyperparameters, ModelState state) {
        return KMeansDistanceModel.restore(KEY, hyperparameters, state);
    }
}
