package org.sgm.eval.baselines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sgm.core.FitContext;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;

/**
 * Isolation Forest (Liu, Ting and Zhou, ICDM 2008). Each tree is grown on ψ = min(subsample, n) training rows drawn
 * without replacement: a node picks a feature at random among those not constant in its rows, and a split value
 * uniformly between their minimum and maximum; rows below it go left. A node stops at one row, at rows that are all
 * equal, or at the height limit ⌈log₂ ψ⌉. A row's path length in a tree is the depth of the leaf it reaches plus
 * c(size of that leaf), where c(m) = 2H(m − 1) − 2(m − 1)/m is the average path length of an unsuccessful search in a
 * binary search tree of m rows (H(i) ≈ ln i + 0.5772156649; c(2) = 1, c(1) = 0, as scikit-learn takes them); its
 * score is 2^(−E[h(x)] / c(ψ)), in (0, 1], higher = more anomalous. Seeded: the same seed gives the same forest.
 *
 * <p>The model file keeps every node (feature, threshold, children, leaf size) as one float matrix; thresholds are
 * float values from the start, so a restored forest scores identically.
 */
final class IsolationForestModel extends BaselineModel<IsolationForestHyperparameters> {
    /** The model-state entry holding the nodes, {@code [nodes, 5]}: feature (−1 = leaf), threshold, left, right, size. */
    static final String NODES = "iforest-nodes.bin";
    /** The model-state entry holding each tree's root node and ψ, {@code [trees + 1]} (ψ last). */
    static final String ROOTS = "iforest-roots.bin";
    private static final double EULER_GAMMA = 0.5772156649015329;

    private final float[] nodes;
    private final int[] roots;
    private final int psi;

    private IsolationForestModel(String key, IsolationForestHyperparameters hp, float[] nodes, int[] roots, int psi,
            int d) {
        super(key, hp, d);
        this.nodes = nodes;
        this.roots = roots;
        this.psi = psi;
    }

    /**
     * @param m rows
     * @return c(m), the average path length of an unsuccessful search among m rows
     */
    static double averagePathLength(int m) {
        if (m <= 1) {
            return 0;
        }
        if (m == 2) {
            return 1;
        }
        return 2 * (Math.log(m - 1.0) + EULER_GAMMA) - 2.0 * (m - 1) / m;
    }

    static IsolationForestModel fit(String key, IsolationForestHyperparameters hp, FeatureMatrix x, FitContext ctx) {
        int n = x.rows();
        int d = x.cols();
        int psi = Math.min(hp.subsample(), n);
        int limit = (int) Math.ceil(Math.log(psi) / Math.log(2));
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        List<float[]> built = new ArrayList<>();
        int[] roots = new int[hp.trees()];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int t = 0; t < hp.trees(); t++) {
            // ψ rows without replacement: a partial Fisher–Yates shuffle.
            for (int i = 0; i < psi; i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = all[i];
                all[i] = all[j];
                all[j] = tmp;
            }
            int[] rows = Arrays.copyOf(all, psi);
            roots[t] = grow(x, rows, 0, psi, 0, limit, rng, built);
        }
        float[] flat = new float[built.size() * 5];
        for (int i = 0; i < built.size(); i++) {
            System.arraycopy(built.get(i), 0, flat, i * 5, 5);
        }
        return new IsolationForestModel(key, hp, flat, roots, psi, d);
    }

    /** Grows the node of rows[lo, hi) at the given depth; returns its index in {@code built}. */
    private static int grow(FeatureMatrix x, int[] rows, int lo, int hi, int depth, int limit, SplittableRandom rng,
            List<float[]> built) {
        int node = built.size();
        float[] leaf = {-1, 0, -1, -1, hi - lo};
        built.add(leaf);
        if (hi - lo <= 1 || depth >= limit) {
            return node;
        }
        int d = x.cols();
        // The features in random order; the first that is not constant in these rows splits.
        int[] features = new int[d];
        for (int j = 0; j < d; j++) {
            features[j] = j;
        }
        for (int f = 0; f < d; f++) {
            int pick = f + rng.nextInt(d - f);
            int q = features[pick];
            features[pick] = features[f];
            features[f] = q;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                float v = x.get(rows[i], q);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (!(max > min)) {
                continue;
            }
            float split = (float) (min + rng.nextDouble() * ((double) max - min));
            if (!(split > min)) {
                split = Math.nextUp(min); // float rounding must leave the minimum on the left
            }
            int mid = lo;
            for (int i = lo; i < hi; i++) {
                if (x.get(rows[i], q) < split) {
                    int tmp = rows[mid];
                    rows[mid] = rows[i];
                    rows[i] = tmp;
                    mid++;
                }
            }
            int left = grow(x, rows, lo, mid, depth + 1, limit, rng, built);
            int right = grow(x, rows, mid, hi, depth + 1, limit, rng, built);
            built.set(node, new float[] {q, split, left, right, hi - lo});
            return node;
        }
        return node; // every row equal: a leaf
    }

    static IsolationForestModel restore(String key, IsolationForestHyperparameters hp, ModelState state) {
        float[] nodes = StateArrays.read(key, state, NODES, -1, 5);
        float[] r = StateArrays.read(key, state, ROOTS, hp.trees() + 1);
        int count = nodes.length / 5;
        int[] roots = new int[hp.trees()];
        for (int t = 0; t < roots.length; t++) {
            roots[t] = (int) r[t];
        }
        for (int i = 0; i < count; i++) {
            int f = (int) nodes[i * 5];
            boolean leaf = f < 0;
            boolean ok = leaf || f < state.inputDim() && childOk(nodes[i * 5 + 2], i, count)
                    && childOk(nodes[i * 5 + 3], i, count);
            if (!ok) {
                throw new ModelFileException(key + ": model entry " + NODES + " has a malformed node " + i);
            }
        }
        for (int root : roots) {
            if (root < 0 || root >= count) {
                throw new ModelFileException(key + ": model entry " + ROOTS + " names a node outside the forest");
            }
        }
        return new IsolationForestModel(key, hp, nodes, roots, (int) r[hp.trees()], state.inputDim());
    }

    /** A child index must point forward (nodes are stored in growth order), so no walk can loop. */
    private static boolean childOk(float child, int parent, int count) {
        return child > parent && child < count && child == Math.rint(child);
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        double norm = averagePathLength(psi);
        double[] scores = new double[x.rows()];
        float[] row = new float[inputDim];
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < inputDim; j++) {
                row[j] = x.get(i, j);
            }
            double sum = 0;
            for (int root : roots) {
                int node = root;
                int depth = 0;
                while (nodes[node * 5] >= 0) {
                    int q = (int) nodes[node * 5];
                    node = (int) (row[q] < nodes[node * 5 + 1] ? nodes[node * 5 + 2] : nodes[node * 5 + 3]);
                    depth++;
                }
                sum += depth + averagePathLength((int) nodes[node * 5 + 4]);
            }
            scores[i] = Math.pow(2, -(sum / roots.length) / norm);
        }
        return scores;
    }

    @Override
    public ModelState state() {
        float[] r = new float[roots.length + 1];
        for (int t = 0; t < roots.length; t++) {
            r[t] = roots[t];
        }
        r[roots.length] = psi;
        return new ModelState(inputDim, Map.of(NODES, StateArrays.encode(nodes, nodes.length / 5, 5),
                ROOTS, StateArrays.encode(r, r.length)), List.of());
    }
}
