package org.sgm.core.explain;

import java.util.Arrays;
import org.sgm.core.data.FeatureMatrix;

/**
 * Integrated gradients (Sundararajan, Taly, Yan, ICML 2017): the contribution of feature j to row x's score is
 * {@code (x_j − b_j)·∫₀¹ ∂s/∂x_j(b + α(x − b)) dα}, here by the midpoint rule over {@code steps} points. The
 * contributions of a row add up to {@code s(x) − s(b)} (completeness) up to the rule's error, which
 * {@link Result#completenessGap} reports per row and {@link Result#completenessError} summarises.
 */
public final class IntegratedGradients {
    private IntegratedGradients() {}

    /**
     * What {@link #explain} computes.
     *
     * @param scores each row's score s(x)
     * @param baselineScore s(b)
     * @param contributions per row and feature, row-major, {@code n × d}
     * @param cols d
     * @param completenessGap per row, {@code |Σ_j contribution − (s(x) − s(b))|}
     */
    public record Result(double[] scores, double baselineScore, double[] contributions, int cols,
            double[] completenessGap) {

        /**
         * @return the largest completeness gap over the rows, relative to the largest {@code |s(x) − s(b)|} over the
         *     rows (0 when both are 0). A per-row relative error is not used: it is unbounded for a row whose score
         *     equals the baseline's.
         */
        public double completenessError() {
            return IntegratedGradients.completenessError(scores, baselineScore, completenessGap);
        }
    }

    /**
     * @param x rows
     * @return per column, the median of the rows (the upper middle value for an even count; 0 for no rows): the
     *     baseline SGM explains from
     */
    public static double[] columnMedians(FeatureMatrix x) {
        double[] out = new double[x.cols()];
        float[] column = new float[x.rows()];
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                column[i] = x.get(i, j);
            }
            Arrays.sort(column);
            out[j] = x.rows() == 0 ? 0 : column[x.rows() / 2];
        }
        return out;
    }

    /**
     * @param scores each row's score
     * @param baselineScore the baseline's score
     * @param gaps per row, {@code |Σ contribution − (score − baselineScore)|}
     * @return the largest gap relative to the largest {@code |score − baselineScore|} (0 when both are 0)
     */
    public static double completenessError(double[] scores, double baselineScore, double[] gaps) {
        double gap = 0;
        double range = 0;
        for (int i = 0; i < scores.length; i++) {
            gap = Math.max(gap, gaps[i]);
            range = Math.max(range, Math.abs(scores[i] - baselineScore));
        }
        return gap == 0 ? 0 : gap / range;
    }

    /**
     * @param model a differentiable detector
     * @param x rows to explain, {@code n × d}
     * @param baseline the reference row b (e.g. the training median), {@code d} values
     * @param steps points of the midpoint rule (≥ 1; 128 keeps the gap within 1 % on the tests' SG-AE models)
     * @return scores, contributions and the completeness error
     * @throws IllegalArgumentException if the baseline's width is not d or steps &lt; 1
     */
    public static Result explain(Differentiable model, FeatureMatrix x, double[] baseline, int steps) {
        int n = x.rows();
        int d = x.cols();
        if (baseline.length != d) {
            throw new IllegalArgumentException("the baseline has " + baseline.length + " values, the rows " + d);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        }
        float[] rows = x.toArray();
        double[] sum = new double[n * d];
        for (int k = 0; k < steps; k++) {
            double alpha = (k + 0.5) / steps;
            float[] path = new float[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    path[i * d + j] = (float) (baseline[j] + alpha * (rows[i * d + j] - baseline[j]));
                }
            }
            double[] g = model.scoreGradients(FeatureMatrix.wrap(path, n, x.columnNames())).gradients();
            for (int t = 0; t < sum.length; t++) {
                sum[t] += g[t];
            }
        }
        double[] scores = model.score(x);
        float[] b = new float[d];
        for (int j = 0; j < d; j++) {
            b[j] = (float) baseline[j];
        }
        double baselineScore = model.score(FeatureMatrix.wrap(b, 1, x.columnNames()))[0];
        double[] contributions = new double[n * d];
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int j = 0; j < d; j++) {
                double c = (rows[i * d + j] - (float) baseline[j]) * sum[i * d + j] / steps;
                contributions[i * d + j] = c;
                total += c;
            }
            double diff = scores[i] - baselineScore;
            error[i] = Math.abs(total - diff);
        }
        return new Result(scores, baselineScore, contributions, d, error);
    }
}
