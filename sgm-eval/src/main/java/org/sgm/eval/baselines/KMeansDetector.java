package org.sgm.eval.baselines;

import org.sgm.core.FitContext;
import org.sgm.core.FittedDetector;
import org.sgm.core.data.FeatureMatrix;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;

/**
 * The unfitted k-means baseline: Tribuo's {@link KMeansTrainer} (Euclidean distance, k-means++ initialisation, one
 * thread, the fit's seed), with {@code min(k, rows)} centroids.
 */
final class KMeansDetector extends BaselineDetector<KMeansHyperparameters> {
    private static final ClusteringFactory FACTORY = new ClusteringFactory();

    /**
     * @param key the registry key
     * @param hyperparameters validated hyperparameters
     */
    KMeansDetector(String key, KMeansHyperparameters hyperparameters) {
        super(key, hyperparameters);
    }

    @Override
    public FittedDetector fit(FeatureMatrix train, FitContext ctx) {
        TribuoFeatures.requireNonEmpty(key(), train);
        MutableDataset<ClusterID> dataset = TribuoFeatures.dataset(train, FACTORY, ClusteringFactory.UNASSIGNED_CLUSTER_ID);
        int k = Math.min(hyperparameters().k(), train.rows());
        KMeansTrainer trainer = new KMeansTrainer(k, hyperparameters().iterations(), new L2Distance(),
                KMeansTrainer.Initialisation.PLUSPLUS, 1, ctx.seed());
        DenseVector[] centroids = trainer.train(dataset).getCentroidVectors();
        int d = train.cols();
        float[] flat = new float[centroids.length * d];
        for (int c = 0; c < centroids.length; c++) {
            // Tribuo's feature ids are the column indices (TribuoFeatures names sort in column order).
            for (int j = 0; j < d; j++) {
                flat[c * d + j] = (float) centroids[c].get(j);
            }
        }
        return new KMeansDistanceModel(key(), hyperparameters(), flat, centroids.length, d);
    }
}
