package org.sgm.eval.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * The Friedman test of k models on N datasets from their average ranks R_j (Demšar 2006, §3.2.2):
 *
 * <pre>
 *   χ²_F = 12N / (k(k+1)) · (Σ_j R_j² − k(k+1)²/4),          χ² with k − 1 degrees of freedom
 *   F_F  = (N − 1) χ²_F / (N(k − 1) − χ²_F)   (Iman–Davenport), F with k − 1 and (k − 1)(N − 1) degrees of freedom
 * </pre>
 *
 * No correction for tied ranks is applied (Demšar's formula); {@code scipy.stats.friedmanchisquare} divides χ²_F by
 * {@code 1 − Σ(t³ − t) / (N k (k² − 1))}, so the two agree exactly when no dataset has tied ranks.
 *
 * @param k the number of models
 * @param n the number of datasets
 * @param chiSquare χ²_F
 * @param pChiSquare the p-value of χ²_F
 * @param imanDavenportF F_F ({@code +∞} when every dataset ranks the models the same way)
 * @param pImanDavenport the p-value of F_F (the one to report; χ²_F is conservative)
 */
public record Friedman(int k, int n, double chiSquare, double pChiSquare, double imanDavenportF,
        double pImanDavenport) {

    /**
     * @param ranks {@code ranks[dataset][model]} as {@link Ranks#perDataset} gives them
     * @return the test
     */
    public static Friedman of(double[][] ranks) {
        return ofAverageRanks(Ranks.average(ranks), ranks.length);
    }

    /**
     * @param averageRanks each model's average rank
     * @param n the number of datasets the ranks were averaged over
     * @return the test
     * @throws IllegalArgumentException for fewer than 2 models or 2 datasets
     */
    public static Friedman ofAverageRanks(double[] averageRanks, int n) {
        int k = averageRanks.length;
        if (k < 2 || n < 2) {
            throw new IllegalArgumentException("Friedman test: need at least 2 models and 2 datasets, got " + k
                    + " models and " + n + " datasets");
        }
        double sumSq = 0;
        for (double r : averageRanks) {
            sumSq += r * r;
        }
        double chi2 = 12.0 * n / (k * (k + 1.0)) * (sumSq - k * (k + 1.0) * (k + 1.0) / 4);
        chi2 = Math.max(0, chi2); // rounding when all ranks are equal
        double p = ChiSquaredDistribution.of(k - 1).survivalProbability(chi2);
        double denominator = n * (k - 1.0) - chi2;
        double f;
        double pf;
        if (denominator <= 1e-12 * n * k) {
            f = Double.POSITIVE_INFINITY;
            pf = 0;
        } else {
            f = (n - 1.0) * chi2 / denominator;
            pf = FDistribution.of(k - 1, (k - 1.0) * (n - 1.0)).survivalProbability(f);
        }
        return new Friedman(k, n, chi2, p, f, pf);
    }
}
