package org.sgm.eval.baselines;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sgm.core.FitContext;
import org.sgm.core.ModelFileException;
import org.sgm.core.ModelState;
import org.sgm.core.data.FeatureMatrix;

/**
 * ECOD (Li et al., TKDE 2022) fitted on training rows: per feature j, the training values sorted, and the sign of
 * their skewness g1 (the biased moment estimate m3/m2^1.5, as {@code scipy.stats.skew}; 0 for a constant feature).
 * A row x scores, per feature, the empirical tail probabilities of x_j among the training values with x counted in,
 * <pre>
 *   left  = (#{train ≤ x_j} + 1) / (n + 1),   right = (#{train ≥ x_j} + 1) / (n + 1),
 *   U_l = −log left,   U_r = −log right,
 *   U_skew = U_r if the feature is right-skewed, U_l if left-skewed, U_l + U_r if neither,
 *   O_j = max(U_skew, (U_l + U_r) / 2),
 * </pre>
 * and its score is Σ_j O_j. This is PyOD's {@code ECOD.decision_function} for a row scored alone (PyOD re-estimates
 * the distribution functions on the training rows plus the rows being scored, so a PyOD score depends on the other
 * rows scored with it; here it depends on the training rows only, and the skewness is the training rows').
 */
final class EcodModel extends BaselineModel<EcodHyperparameters> {
    /** The model-state entry holding the sorted training columns, {@code [d, n]}. */
    static final String COLUMNS = "ecod-sorted-columns.bin";
    /** The model-state entry holding the skewness signs, {@code [d]}. */
    static final String SKEW = "ecod-skewness-signs.bin";

    private final float[] sorted;
    private final float[] skewSign;
    private final int n;

    private EcodModel(String key, EcodHyperparameters hp, float[] sorted, float[] skewSign, int n, int d) {
        super(key, hp, d);
        this.sorted = sorted;
        this.skewSign = skewSign;
        this.n = n;
    }

    /** A {@link FunctionDetector.Fit}: it draws nothing at random, so {@code ctx} goes unused. */
    static EcodModel fit(String key, EcodHyperparameters hp, FeatureMatrix x, FitContext ctx) {
        int n = x.rows();
        int d = x.cols();
        float[] sorted = new float[d * n];
        float[] signs = new float[d];
        for (int j = 0; j < d; j++) {
            float[] col = new float[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                col[i] = x.get(i, j);
                mean += col[i];
            }
            mean /= n;
            double m2 = 0;
            double m3 = 0;
            for (float v : col) {
                double c = v - mean;
                m2 += c * c;
                m3 += c * c * c;
            }
            m2 /= n;
            m3 /= n;
            signs[j] = m2 > 0 ? (float) Math.signum(m3 / Math.pow(m2, 1.5)) : 0f;
            Arrays.sort(col);
            System.arraycopy(col, 0, sorted, j * n, n);
        }
        return new EcodModel(key, hp, sorted, signs, n, d);
    }

    static EcodModel restore(String key, EcodHyperparameters hp, ModelState state) {
        int d = state.inputDim();
        float[] sorted = StateArrays.read(key, state, COLUMNS, d, -1);
        float[] signs = StateArrays.read(key, state, SKEW, d);
        int n = d == 0 ? 0 : sorted.length / d;
        for (int j = 0; j < d; j++) {
            for (int i = 1; i < n; i++) {
                if (!(sorted[j * n + i - 1] <= sorted[j * n + i])) {
                    throw new ModelFileException(key + ": model entry " + COLUMNS
                            + " is not sorted in column " + j);
                }
            }
        }
        return new EcodModel(key, hp, sorted, signs, n, d);
    }

    @Override
    double[] scoreChecked(FeatureMatrix x) {
        double[] scores = new double[x.rows()];
        double total = Math.log(n + 1.0);
        for (int i = 0; i < scores.length; i++) {
            double sum = 0;
            for (int j = 0; j < inputDim; j++) {
                float v = x.get(i, j);
                int atMost = upperBound(j, v);
                int atLeast = n - lowerBound(j, v);
                double ul = total - Math.log(atMost + 1.0);
                double ur = total - Math.log(atLeast + 1.0);
                double skew = skewSign[j] > 0 ? ur : skewSign[j] < 0 ? ul : ul + ur;
                sum += Math.max(skew, (ul + ur) / 2);
            }
            scores[i] = sum;
        }
        return scores;
    }

    /** The number of training values ≤ v in column j. */
    private int upperBound(int j, float v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[j * n + mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of training values &lt; v in column j. */
    private int lowerBound(int j, float v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[j * n + mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public ModelState state() {
        return new ModelState(inputDim, Map.of(COLUMNS, StateArrays.encode(sorted, inputDim, n),
                SKEW, StateArrays.encode(skewSign, inputDim)), List.of());
    }
}
