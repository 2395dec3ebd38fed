package org.sgm.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The statistics against SciPy 1.10.1 (reference numbers computed once by the Python in each comment) and against
 * the worked example of Demšar (2006), JMLR 7:1–30, §3.2.2 / Table 6.
 */
class StatsTest {
    private static final double TOL = 1e-9;

    /*
     * rng = np.random.RandomState(3)
     * X = np.round(rng.rand(8, 4) * 0.3 + 0.6 + np.array([0, 0.05, 0.02, 0.08]), 4)   # 8 datasets x 4 models
     * chi2, p = stats.friedmanchisquare(*X.T)                 # no tied ranks: no tie correction involved
     * FF = (N - 1) * chi2 / (N * (k - 1) - chi2); stats.f.sf(FF, k - 1, (k - 1) * (N - 1))
     */
    private static final double[][] X = {{0.7652, 0.8624, 0.7073, 0.8332}, {0.8679, 0.9189, 0.6577, 0.7422},
        {0.6154, 0.7822, 0.629, 0.817}, {0.7947, 0.7335, 0.8229, 0.8573}, {0.6072, 0.8177, 0.6978, 0.8045},
        {0.6851, 0.8579, 0.7521, 0.7271}, {0.7634, 0.8841, 0.7119, 0.7466}, {0.7164, 0.9309, 0.9128, 0.8817}};

    @Test
    void friedmanMatchesScipy() {
        double[][] ranks = Ranks.perDataset(X);
        assertArrayEquals(new double[] {3.25, 1.5, 3.0, 2.25}, Ranks.average(ranks), TOL);
        Friedman f = Friedman.of(ranks);
        assertEquals(9.0, f.chiSquare(), TOL);
        assertEquals(0.029290886534888261, f.pChiSquare(), TOL);
        assertEquals(4.2000000000000002, f.imanDavenportF(), TOL);
        assertEquals(0.017805300776995294, f.pImanDavenport(), TOL);
    }

    @Test
    void demsarWorkedExample() {
        // Demšar's Table 6: C4.5, C4.5+m, C4.5+cf, C4.5+m+cf on 14 datasets, average ranks 3.143, 2.000, 2.893,
        // 1.964 (rank sums 44, 28, 40.5, 27.5). He reports χ²_F = 9.28, F_F = 3.69 and CD = 1.25 (α = 0.05).
        Friedman f = Friedman.ofAverageRanks(new double[] {44 / 14.0, 28 / 14.0, 40.5 / 14.0, 27.5 / 14.0}, 14);
        assertEquals(9.28, f.chiSquare(), 0.005);
        assertEquals(3.69, f.imanDavenportF(), 0.005);
        assertEquals(1.25, Nemenyi.criticalDifference(4, 14), 0.005);
        // "The critical value of F(3, 39) for α = 0.05 is 2.85, so we reject the null hypothesis": p < 0.05.
        assertEquals(true, f.pImanDavenport() < 0.05);
    }

    @Test
    void tiesShareTheAverageRankAndBestIsOne() {
        double[][] r = Ranks.perDataset(new double[][] {{0.9, 0.8, 0.9, 0.5}, {1.0, 1.0, 1.0, 1.0}});
        assertArrayEquals(new double[] {1.5, 3, 1.5, 4}, r[0], TOL);
        assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, r[1], TOL);
        assertThrows(IllegalArgumentException.class, () -> Ranks.perDataset(new double[][] {{0.1, Double.NaN}}));
        // Identical rankings on every dataset: F_F is infinite, p = 0.
        Friedman f = Friedman.of(Ranks.perDataset(new double[][] {{3, 2, 1}, {3, 2, 1}, {3, 2, 1}}));
        assertEquals(Double.POSITIVE_INFINITY, f.imanDavenportF());
        assertEquals(0.0, f.pImanDavenport());
        assertEquals(6.0, f.chiSquare(), TOL); // 12·3/(3·4)·(1 + 4 + 9 − 12) = 6, by hand
    }

    @Test
    void nemenyiTableMatchesDemsarAndTheStudentizedRange() {
        // Table 5(a), k = 2..10; its 2.343 for k = 3 is 2.3437 cut short, so the tolerance is one unit of the last digit.
        double[] demsar = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
        for (int k = 2; k <= 10; k++) {
            assertEquals(demsar[k - 2], Nemenyi.q05(k), 0.001, "k = " + k);
        }
        // Independently: P(range of k standard normals ≤ q√2) = k ∫ φ(z) (Φ(z) − Φ(z − q√2))^(k−1) dz = 0.95.
        NormalDistribution phi = NormalDistribution.of(0, 1);
        for (int k = 2; k <= Nemenyi.MAX_MODELS; k++) {
            double w = Nemenyi.q05(k) * Math.sqrt(2);
            int steps = 2000;
            double lo = -8;
            double h = 16.0 / steps;
            double sum = 0;
            for (int i = 0; i <= steps; i++) {
                double z = lo + i * h;
                double f = phi.density(z) * Math.pow(phi.cumulativeProbability(z) - phi.cumulativeProbability(z - w),
                        k - 1);
                sum += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
            }
            assertEquals(0.95, k * sum * h / 3, 2e-6, "k = " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> Nemenyi.q05(1));
        assertThrows(IllegalArgumentException.class, () -> Nemenyi.q05(Nemenyi.MAX_MODELS + 1));
    }

    @Test
    void cliquesAreMaximalRunsWithinTheCriticalDifference() {
        // Demšar's Figure 1 style: ranks 1.0, 1.5, 2.9, 3.1, 3.2 with CD 1.0 → {0,1} and {2,3,4}.
        List<int[]> c = Nemenyi.cliques(new double[] {1.0, 1.5, 2.9, 3.1, 3.2}, 1.0);
        assertEquals(2, c.size());
        assertArrayEquals(new int[] {0, 1}, c.get(0));
        assertArrayEquals(new int[] {2, 4}, c.get(1));
        // Overlapping groups: 1, 1.8, 2.6 with CD 1.0 → {0,1} and {1,2}.
        c = Nemenyi.cliques(new double[] {1.0, 1.8, 2.6}, 1.0);
        assertEquals(2, c.size());
        assertArrayEquals(new int[] {1, 2}, c.get(1));
        assertEquals(0, Nemenyi.cliques(new double[] {1, 3, 5}, 1.0).size());
    }

    @Test
    void holmByHand() {
        // m = 4, sorted 0.01, 0.02, 0.03, 0.5: 4·0.01 = 0.04, 3·0.02 = 0.06, max(0.06, 2·0.03) = 0.06, 1·0.5 = 0.5.
        double[] adj = Holm.adjust(new double[] {0.03, 0.5, 0.01, 0.02});
        assertArrayEquals(new double[] {0.06, 0.5, 0.04, 0.06}, adj, TOL);
        // NaN ignored (m = 2): 2·0.4 = 0.8, max(0.8, 1·0.9) = 0.9; capped at 1: 3·0.5 → 1.
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, Holm.adjust(new double[] {0.5, 0.6, 0.7}), TOL);
        assertArrayEquals(new double[] {0.8, Double.NaN, 0.9}, Holm.adjust(new double[] {0.4, Double.NaN, 0.9}),
                TOL);
    }

    /*
     * a = [0.91, 0.85, 0.77, 0.99, 0.64, 0.88, 0.72, 0.95, 0.81, 0.69, 0.93, 0.58]
     * b = [0.89, 0.86, 0.70, 0.97, 0.60, 0.80, 0.73, 0.90, 0.74, 0.71, 0.85, 0.57]      # tied |a − b| (0.01, 0.02, …)
     * stats.wilcoxon(a, b, zero_method='pratt', correction=True, method='approx') → 9.0, 0.02022094087770777
     * e = [0.899, 0.854, 0.74, 0.974, 0.609, 0.811, 0.733, 0.906, 0.742, 0.705, 0.863, 0.562]   # 12 distinct |a − e|
     * stats.wilcoxon(a, e, method='exact') → statistic=8.0 (= min(W+, W−)), pvalue=0.01220703125
     * c = b with c[1] = a[1] (a zero difference), c[2] = a[2] − 0.07, c[4] = a[4] − 0.07
     * stats.wilcoxon(a, c, zero_method='pratt', correction=True, method='approx') → 7.5, 0.01639449408542932
     * np.mean(a) 0.80999999999999994, np.std(a, ddof=1) 0.13101006207019508
     */
    private static final double[] A = {0.91, 0.85, 0.77, 0.99, 0.64, 0.88, 0.72, 0.95, 0.81, 0.69, 0.93, 0.58};
    private static final double[] B = {0.89, 0.86, 0.70, 0.97, 0.60, 0.80, 0.73, 0.90, 0.74, 0.71, 0.85, 0.57};
    private static final double[] E = {0.899, 0.854, 0.74, 0.974, 0.609, 0.811, 0.733, 0.906, 0.742, 0.705, 0.863,
        0.562};

    @Test
    void wilcoxonMatchesScipy() {
        // No ties, no zeros, n < 50: the exact distribution.
        PairedWilcoxon exact = PairedWilcoxon.test(A, E);
        assertEquals(0.01220703125, exact.p(), 1e-12);
        assertEquals(12 * 13 / 2.0 - 8.0, exact.statistic(), TOL); // W+ = n(n+1)/2 − W−
        assertEquals(9, exact.wins());
        assertEquals(3, exact.losses());
        // Tied differences: the normal approximation with tie-corrected variance and continuity correction.
        PairedWilcoxon w = PairedWilcoxon.test(A, B);
        assertEquals(0.02022094087770777, w.p(), 1e-9);
        // A zero difference too (Pratt).
        double[] c = B.clone();
        c[1] = A[1];
        c[2] = A[2] - 0.07;
        c[4] = A[4] - 0.07;
        PairedWilcoxon wc = PairedWilcoxon.test(A, c);
        assertEquals(0.01639449408542932, wc.p(), 1e-9);
        assertEquals(1, wc.ties());
        // Symmetric: swapping the models keeps p.
        assertEquals(exact.p(), PairedWilcoxon.test(E, A).p(), 1e-12);
        // One dataset: the exact two-sided p of one non-zero difference is 1 (both signs equally likely).
        assertEquals(1.0, PairedWilcoxon.test(new double[] {0.9}, new double[] {0.8}).p(), 1e-12);
        PairedWilcoxon same = PairedWilcoxon.test(A, A);
        assertEquals(1.0, same.p());
        assertEquals(12, same.ties());
    }

    @Test
    void meanAndSampleStd() {
        MeanStd m = MeanStd.of(A);
        assertEquals(0.80999999999999994, m.mean(), 1e-12);
        assertEquals(0.13101006207019508, m.std(), 1e-12);
        assertEquals(12, m.n());
        assertEquals(new MeanStd(0.5, 0, 1), MeanStd.of(0.5));
        assertEquals(1, MeanStd.of(0.5, Double.NaN).n());
        assertEquals("0.8100 ± 0.1310", m.format(4));
        assertEquals("n/a", MeanStd.of().format(4));
    }
}
