package org.sgm.eval.baselines;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sgm.core.FitContext;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;

/**
 * A fitted k-nearest-neighbour detector: the training rows and their {@link NeighbourIndex}. A row's score is the
 * distance to its k-th nearest training row ({@code largest}), or the mean or the median of the distances to its k
 * nearest, as PyOD's {@code KNN.decision_function} computes them for new rows. The model file keeps the training
 * rows (float), so a restored model scores identically.
 */
final class KnnModel extends BaselineModel<KnnHyperparameters> {
    /** The model-state entry holding the training rows. */
    static final String ENTRY = "knn-train.bin";

    private final float[] train;
    private final int n;
    private final NeighbourIndex index;

    private KnnModel(String key, KnnHyperparameters hp, float[] train, int n, int d) {
        super(key, hp, d);
        this.train = train;
        this.n = n;
        this.index = new NeighbourIndex(train, n, d);
    }

    /** A {@link FunctionDetector.Fit}: it draws nothing at random, so {@code ctx} goes unused. */
    static KnnModel fit(String key, KnnHyperparameters hp, FeatureMatrix x, FitContext ctx) {
        return new KnnModel(key, hp, x.toArray(), x.rows(), x.cols());
    }

    static KnnModel restore(String key, KnnHyperparameters hp, ModelState state) {
        float[] rows = StateArrays.read(key, state, ENTRY, -1, state.inputDim());
        return new KnnModel(key, hp, rows, rows.length / Math.max(1, state.inputDim()), state.inputDim());
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        int k = Math.min(hyperparameters().k(), n);
        int[] idx = new int[k];
        double[] dist = new double[k];
        double[] scores = new double[x.rows()];
        for (int i = 0; i < scores.length; i++) {
            index.nearest(x.row(i), 0, k, -1, idx, dist);
            scores[i] = switch (hyperparameters().method()) {
                case "mean" -> Arrays.stream(dist).average().orElse(0);
                case "median" -> k % 2 == 1 ? dist[k / 2] : (dist[k / 2 - 1] + dist[k / 2]) / 2;
                default -> dist[k - 1];
            };
        }
        return scores;
    }

    @Override
    public ModelState state() {
        return new ModelState(inputDim, Map.of(ENTRY, StateArrays.encode(train, n, inputDim)), List.of());
    }
}
