package org.sgm.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for m simultaneous tests (Holm 1979; Demšar 2006, §3.2.2). With the p-values sorted
 * ascending, p_(1) ≤ … ≤ p_(m), the adjusted p-values are
 *
 * <pre>
 *   p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j)),
 * </pre>
 *
 * and hypothesis i is rejected at level α when p̃_i &lt; α — the same decisions as the step-down procedure, and the
 * numbers {@code statsmodels.stats.multitest.multipletests(p, method="holm")} gives.
 */
public final class Holm {
    private Holm() {}

    /**
     * @param p the raw p-values, in any order; NaN entries are left NaN and not counted in m
     * @return the Holm-adjusted p-values, in the same order
     */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] valid = Arrays.copyOf(order, m);
        Arrays.sort(valid, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int r = 0; r < m; r++) {
            running = Math.max(running, Math.min(1, (m - r) * p[valid[r]]));
            out[valid[r]] = running;
        }
        return out;
    }
}
