package org.sgm.eval.baselines;

import java.util.List;
import java.util.Map;
import org.sgm.core.FitContext;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;
import org.sgm.core.data.InvalidDataException;

/**
 * A fitted Local Outlier Factor (Breunig et al., SIGMOD 2000) that scores new rows against the training rows, as
 * scikit-learn's {@code LocalOutlierFactor(novelty=True).score_samples} does, with the sign turned (higher = more
 * anomalous):
 * <ul>
 *   <li>k' = min(k, n − 1); each training row's k'-distance and neighbours are found among the other training rows;
 *       its local reachability density is {@code lrd(p) = 1 / (mean_o max(kdist(o), d(p, o)) + 1e-10)};</li>
 *   <li>a new row q: its k' nearest training rows, {@code lrd(q)} the same way, and
 *       {@code LOF(q) = mean_o lrd(o) / lrd(q)} (≈ 1 inside a cluster, larger outside).</li>
 * </ul>
 * The model file keeps the training rows; the distances and densities are recomputed when it is read, so a restored
 * model scores identically.
 */
final class LofModel extends BaselineModel<LofHyperparameters> {
    /** The model-state entry holding the training rows. */
    static final String ENTRY = "lof-train.bin";
    /** scikit-learn's guard against a zero mean reachability distance. */
    static final double GUARD = 1e-10;

    private final float[] train;
    private final int n;
    private final int k;
    private final NeighbourIndex index;
    private final double[] kDistance;
    private final double[] lrd;

    private LofModel(String key, LofHyperparameters hp, float[] train, int n, int d) {
        super(key, hp, d);
        this.train = train;
        this.n = n;
        this.k = Math.max(1, Math.min(hp.k(), n - 1));
        this.index = new NeighbourIndex(train, n, d);
        int[][] neighbours = new int[n][k];
        double[][] distances = new double[n][k];
        kDistance = new double[n];
        for (int i = 0; i < n; i++) {
            index.nearest(train, i * d, k, n > 1 ? i : -1, neighbours[i], distances[i]);
            kDistance[i] = distances[i][k - 1];
        }
        lrd = new double[n];
        for (int i = 0; i < n; i++) {
            lrd[i] = density(neighbours[i], distances[i]);
        }
    }

    private double density(int[] neighbours, double[] distances) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.max(kDistance[neighbours[j]], distances[j]);
        }
        return 1.0 / (sum / k + GUARD);
    }

    /** A {@link FunctionDetector.Fit}: it draws nothing at random, so {@code ctx} goes unused. */
    static LofModel fit(String key, LofHyperparameters hp, FeatureMatrix x, FitContext ctx) {
        if (x.rows() < 2) {
            throw new InvalidDataException("cannot fit " + key + " on " + x.rows()
                    + " row: the local outlier factor needs at least 2 training rows");
        }
        return new LofModel(key, hp, x.toArray(), x.rows(), x.cols());
    }

    static LofModel restore(String key, LofHyperparameters hp, ModelState state) {
        float[] rows = StateArrays.read(key, state, ENTRY, -1, state.inputDim());
        return new LofModel(key, hp, rows, rows.length / Math.max(1, state.inputDim()), state.inputDim());
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        int[] idx = new int[k];
        double[] dist = new double[k];
        double[] scores = new double[x.rows()];
        for (int i = 0; i < scores.length; i++) {
            index.nearest(x.row(i), 0, k, -1, idx, dist);
            double mean = 0;
            for (int j = 0; j < k; j++) {
                mean += lrd[idx[j]];
            }
            scores[i] = mean / k / density(idx, dist);
        }
        return scores;
    }

    @Override
    public ModelState state() {
        return new ModelState(inputDim, Map.of(ENTRY, StateArrays.encode(train, n, inputDim)), List.of());
    }
}
