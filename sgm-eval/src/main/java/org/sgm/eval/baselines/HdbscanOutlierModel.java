package org.sgm.eval.baselines;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;

/**
 * A fitted HDBSCAN* baseline, scoring new rows with a GLOSH-style outlier score.
 *
 * <p><b>What Tribuo offers.</b> Tribuo 4.3's {@code HdbscanModel} holds the exact GLOSH score
 * {@code 1 − ε_max(C)/ε(x)} of every training row (ε(x): the density level at which x leaves its cluster C;
 * ε_max(C): the level at which C's densest part vanishes). For a new row, {@code HdbscanModel.predict} returns the
 * GLOSH score of the nearest cluster exemplar, or the largest noise score if the row lies beyond every exemplar's
 * reach: a step function with few distinct values, which ranks poorly.
 *
 * <p><b>The score used here</b> extends GLOSH to a new row x with the training rows' GLOSH scores g and core
 * distances c (distance to the (k−1)-th nearest other training row). x's own core distance c(x) is its
 * (k−1)-th smallest distance to the training rows (x counts as its own first neighbour). x would join the
 * hierarchy at its smallest mutual reachability distance {@code ε(x) = min_y max(c(x), c(y), ‖x − y‖)}, through
 * the training row y attaining it. Taking y's own level as its core distance gives its cluster's
 * {@code ε_max ≈ c(y)(1 − g(y))}, hence
 * <pre>    score(x) = 1 − (1 − g(y)) · c(y) / ε(x)   (= g(y) when x lies within y's core)</pre>
 * a value in [g(y), 1]: a training row scores (close to) its own GLOSH score and the score rises continuously
 * towards 1 as x moves away from dense regions. This is an approximation: x is not inserted into the hierarchy,
 * and c(y) is a lower bound of the level at which y becomes noise.
 *
 * <p>The fitted state is the (sampled) training rows and, per row, its GLOSH score and core distance, as float
 * arrays; the model scores with the float-rounded values from the start, so a restored model scores identically.
 */
final class HdbscanOutlierModel extends BaselineModel<HdbscanHyperparameters> {
    /** Name of the model-state entry holding the training rows ({@code m × d}). */
    static final String POINTS = "hdbscan-points.bin";
    /** Name of the model-state entry holding each training row's GLOSH score and core distance ({@code m × 2}). */
    static final String SCORES = "hdbscan-glosh-core.bin";

    private final float[] points;
    private final float[] gloshAndCore;
    private final int m;
    private final int k;

    /**
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param points the training rows, row-major {@code m × inputDim}
     * @param gloshAndCore per training row its GLOSH score then its core distance
     * @param m the number of training rows
     * @param inputDim the number of features
     */
    HdbscanOutlierModel(String key, HdbscanHyperparameters hyperparameters, float[] points, float[] gloshAndCore, int m,
            int inputDim) {
        super(key, hyperparameters, inputDim);
        this.points = points;
        this.gloshAndCore = gloshAndCore;
        this.m = m;
        this.k = Math.min(hyperparameters.k(), m);
    }

    /**
     * Rebuilds a model from what {@link #state()} returned.
     *
     * @param key the registry key
     * @param hyperparameters the hyperparameters it was fitted with
     * @param state the fitted state
     * @return the model
     */
    static HdbscanOutlierModel restore(String key, HdbscanHyperparameters hyperparameters, ModelState state) {
        float[] points = StateArrays.read(key, state, POINTS, -1, state.inputDim());
        int m = state.inputDim() == 0 ? 0 : points.length / state.inputDim();
        float[] scores = StateArrays.read(key, state, SCORES, m, 2);
        if (m < 1 || m > hyperparameters.maxTrainRows()) {
            throw new ModelFileException(key + ": model entry " + POINTS + " holds " + m
                    + " rows, expected 1 to maxTrainRows = " + hyperparameters.maxTrainRows());
        }
        return new HdbscanOutlierModel(key, hyperparameters, points, scores, m, state.inputDim());
    }

    /**
     * The distance from {@code query} to its {@code order}-th nearest row of {@code points} (0 for order 0).
     *
     * @param points row-major rows
     * @param m the number of rows
     * @param d the number of features
     * @param query the query row
     * @param order which nearest row, 1-based; at most {@code m}
     * @return that distance
     */
    static double coreDistance(float[] points, int m, int d, float[] query, int order) {
        return kth(distances(points, m, d, query), order);
    }

    /** The {@code order}-th smallest value (1-based; 0 for order 0), keeping the smallest ones in insertion order. */
    private static double kth(double[] distances, int order) {
        if (order == 0) {
            return 0;
        }
        double[] smallest = new double[order];
        Arrays.fill(smallest, Double.POSITIVE_INFINITY);
        for (double v : distances) {
            if (v < smallest[order - 1]) {
                int i = order - 1;
                while (i > 0 && smallest[i - 1] > v) {
                    smallest[i] = smallest[i - 1];
                    i--;
                }
                smallest[i] = v;
            }
        }
        return smallest[order - 1];
    }

    private static double[] distances(float[] points, int m, int d, float[] query) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double diff = (double) query[j] - points[i * d + j];
                sq += diff * diff;
            }
            out[i] = Math.sqrt(sq);
        }
        return out;
    }

    /** @return the number of training rows kept */
    int trainingRows() {
        return m;
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        // Sequential: callers (the experiment runner, Spark) parallelise across cells, one core each; a parallel
        // stream here would oversubscribe the cores.
        double[] scores = new double[x.rows()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(x.row(i));
        }
        return scores;
    }

    private double score(float[] row) {
        double[] dist = distances(points, m, inputDim, row);
        double own = kth(dist, k - 1);
        double bestLevel = Double.POSITIVE_INFINITY;
        int best = -1;
        for (int i = 0; i < m; i++) {
            double level = Math.max(own, Math.max(gloshAndCore[2 * i + 1], dist[i]));
            if (level < bestLevel) {
                bestLevel = level;
                best = i;
            }
        }
        double glosh = gloshAndCore[2 * best];
        double core = gloshAndCore[2 * best + 1];
        return bestLevel == 0 ? glosh : 1 - (1 - glosh) * core / bestLevel;
    }

    @Override
    public ModelState state() {
        return new ModelState(inputDim, Map.of(POINTS, StateArrays.encode(points, m, inputDim),
                SCORES, StateArrays.encode(gloshAndCore, m, 2)), List.of());
    }
}
