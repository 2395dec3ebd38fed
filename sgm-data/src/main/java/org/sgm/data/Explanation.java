package org.sgm.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sgm.core.SgmException;
import org.sgm.core.explain.IntegratedGradients;

/**
 * Per-row explanations of anomaly scores by input column ({@link FittedPipeline#explain}).
 *
 * @param method how the contributions were computed
 * @param columns the input columns, in training order
 * @param scores each row's score (higher = more anomalous)
 * @param contributions per row, per column of {@code columns}
 * @param baselineScore the score of the baseline row (integrated gradients), NaN for the reconstruction method
 * @param completenessGap per row, {@code |Σ contributions − (score − baselineScore)|} (integrated gradients), or
 *     null
 * @param medianBaseline whether the baseline is the training median (false: the zero feature vector, for a model
 *     file written before explanations existed)
 */
public record Explanation(Method method, List<String> columns, double[] scores, double[][] contributions,
        double baselineScore, double[] completenessGap, boolean medianBaseline) {

    /** How contributions are computed. */
    public enum Method {
        /** Integrated gradients of the score from the training median. */
        GRADIENTS("gradients"),
        /** Each column's part of the squared reconstruction error. */
        RECONSTRUCTION("reconstruction");

        private final String key;

        Method(String key) {
            this.key = key;
        }

        /** @return the name on the command line */
        public String key() {
            return key;
        }

        /**
         * @param key {@code gradients} or {@code reconstruction}
         * @return the method
         * @throws SgmException if it is neither
         */
        public static Method parse(String key) {
            for (Method m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new SgmException("--method must be gradients or reconstruction, got '" + key + "'");
        }
    }

    /**
     * Sums per-feature values into their input columns: a text column's one-hot features into the column.
     *
     * @param perFeature the values, row-major, {@code rows × featureOwners.size()}
     * @param rows the rows
     * @param columns the input columns
     * @param featureOwners per feature, in order, the input column it comes from
     * @return per row, per column of {@code columns}
     */
    public static double[][] byColumn(double[] perFeature, int rows, List<String> columns, List<String> featureOwners) {
        int d = featureOwners.size();
        int[] owner = new int[d];
        for (int j = 0; j < d; j++) {
            owner[j] = columns.indexOf(featureOwners.get(j));
        }
        double[][] out = new double[rows][columns.size()];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                out[i][owner[j]] += perFeature[i * d + j];
            }
        }
        return out;
    }

    /** One column's contribution to a row's score. */
    public record Contribution(String column, double value) {}

    /**
     * @param row a row
     * @param k how many
     * @return the row's k largest contributions (by value, largest first; ties by column order)
     */
    public List<Contribution> top(int row, int k) {
        List<Contribution> all = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            all.add(new Contribution(columns.get(j), contributions[row][j]));
        }
        all.sort(Comparator.comparingDouble((Contribution c) -> -c.value()));
        return all.subList(0, Math.min(k, all.size()));
    }

    /**
     * @return the largest completeness gap over the rows relative to the largest {@code |score − baselineScore|},
     *     or NaN for the reconstruction method
     */
    public double completenessError() {
        if (completenessGap == null) {
            return Double.NaN;
        }
        return IntegratedGradients.completenessError(scores, baselineScore, completenessGap);
    }

    /** @return a one-line summary for progress output */
    public String summary() {
        return summary(completenessError());
    }

    /**
     * @param completenessError the completeness error to report (e.g. over several explanations of one file's parts)
     * @return a one-line summary for progress output
     */
    public String summary(double completenessError) {
        return method == Method.GRADIENTS
                ? String.format(Locale.ROOT, "integrated gradients from the %s, baseline score %.6g; "
                        + "completeness: contributions sum to score − baseline score within %.2g %% of the largest "
                        + "such difference", medianBaseline ? "training median" : "zero feature vector",
                        baselineScore, 100 * completenessError)
                : "per-column squared reconstruction error";
    }
}
