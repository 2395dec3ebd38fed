package org.sgm.eval.baselines;

import java.util.List;
import java.util.Map;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;

/**
 * A fitted k-means baseline. A row's score is its Euclidean distance to the nearest centroid, higher = more
 * anomalous. The fitted state is the {@code k × d} centroid matrix ({@value #ENTRY}); the model scores with the
 * float-rounded centroids from the start, so a restored model scores identically.
 */
final class KMeansDistanceModel extends BaselineModel<KMeansHyperparameters> {
    /** Name of the model-state entry holding the centroids. */
    static final String ENTRY = "kmeans-centroids.bin";

    private final float[] centroids;
    private final int k;

    /**
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param centroids the centroids, row-major {@code k × inputDim}
     * @param k the number of centroids
     * @param inputDim the number of features
     */
    KMeansDistanceModel(String key, KMeansHyperparameters hyperparameters, float[] centroids, int k, int inputDim) {
        super(key, hyperparameters, inputDim);
        this.centroids = centroids;
        this.k = k;
    }

    /**
     * Rebuilds a model from what {@link #state()} returned.
     *
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param state the fitted state
     * @return the model
     */
    static KMeansDistanceModel restore(String key, KMeansHyperparameters hyperparameters, ModelState state) {
        float[] centroids = StateArrays.read(key, state, ENTRY, -1, state.inputDim());
        int k = state.inputDim() == 0 ? 0 : centroids.length / state.inputDim();
        if (k < 1 || k > hyperparameters.k()) {
            throw new ModelFileException(key + ": model entry " + ENTRY + " holds " + k
                    + " centroids, expected 1 to k = " + hyperparameters.k());
        }
        return new KMeansDistanceModel(key, hyperparameters, centroids, k, state.inputDim());
    }

    /** @return the number of centroids */
    int centroidCount() {
        return k;
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        double[] scores = new double[x.rows()];
        for (int i = 0; i < scores.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double sq = 0;
                for (int j = 0; j < inputDim; j++) {
                    double diff = x.get(i, j) - (double) centroids[c * inputDim + j];
                    sq += diff * diff;
                }
                best = Math.min(best, sq);
            }
            scores[i] = Math.sqrt(best);
        }
        return scores;
    }

    @Override
    public ModelState state() {
        return new ModelState(inputDim, Map.of(ENTRY, StateArrays.encode(centroids, k, inputDim)), List.of());
    }
}
