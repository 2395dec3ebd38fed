package org.sgm.eval.baselines;

/**
 * Registry entry ({@value #KEY}) of the k-means baseline: Tribuo's {@code KMeansTrainer} with k-means++
 * initialisation, seeded. A row's score is its Euclidean distance to the nearest centroid, higher = more anomalous;
 * the model file keeps the centroids.
 */
public final class TribuoKMeansProvider extends BaselineProvider<KMeansHyperparameters> {
    /** Registry key of the k-means baseline. */
    public static final String KEY = "tribuo-kmeans";

    /** Creates the provider; it holds no state. */
    public TribuoKMeansProvider() {
        super(KEY, "k-means (k-means++ init), distance to the nearest centroid, via Tribuo; baseline",
                KMeansHyperparameters::defaults, KMeansDetector::new, KMeansDistanceModel::restore);
    }
}
