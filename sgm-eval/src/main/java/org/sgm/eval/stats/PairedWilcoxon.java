package org.sgm.eval.stats;

import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The two-sided Wilcoxon signed-rank test of two models paired over datasets (Demšar 2006, §3.1.3), by Commons
 * Statistics' {@code WilcoxonSignedRankTest} with its defaults: differences d = a − b; zero differences are ranked
 * and their ranks dropped (Pratt's method); tied |d| get average ranks; the p-value is exact when there are fewer
 * than 50 differences and no zeros or ties, else from the normal approximation with tie-corrected variance and a
 * continuity correction. These are {@code scipy.stats.wilcoxon(a, b, zero_method="pratt", correction=True)} with
 * {@code method="exact"} or {@code "approx"} respectively.
 *
 * @param n the number of pairs
 * @param wins pairs with a &gt; b
 * @param ties pairs with a = b
 * @param losses pairs with a &lt; b
 * @param statistic W⁺, the sum of the ranks of the positive differences (larger = a better)
 * @param p the two-sided p-value (1 when every difference is zero)
 */
public record PairedWilcoxon(int n, int wins, int ties, int losses, double statistic, double p) {

    /**
     * @param a the first model's values, one per dataset
     * @param b the second model's values on the same datasets
     * @return the test
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold a value that is not finite
     */
    public static PairedWilcoxon test(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("Wilcoxon signed-rank test: need paired values, got " + a.length
                    + " and " + b.length);
        }
        int wins = 0;
        int ties = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("Wilcoxon signed-rank test: pair " + i + " is (" + a[i] + ", "
                        + b[i] + ")");
            }
            wins += a[i] > b[i] ? 1 : 0;
            ties += a[i] == b[i] ? 1 : 0;
        }
        int losses = a.length - wins - ties;
        if (ties == a.length) {
            return new PairedWilcoxon(a.length, 0, ties, 0, 0, 1);
        }
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(a, b);
        return new PairedWilcoxon(a.length, wins, ties, losses, r.getStatistic(), r.getPValue());
    }
}
