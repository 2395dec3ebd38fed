package org.sgm.core.spi;

/**
 * Which rows of a batch are pseudo-anomalies, the one rule both engines use: every row whose metric is above τ, and
 * rows exactly at τ only up to ⌈(1 − ε/100)·n⌉ flagged rows in all, the earlier rows of the batch first (the
 * batch order is the loop's seeded shuffle, so the choice is reproducible). Without the cap, ties at τ flagged every
 * tied row: on constant data (every metric equal, so τ equals them all) every row was a pseudo-anomaly.
 */
public final class PseudoLabels {
    private PseudoLabels() {}

    /**
     * @param metric the batch's metric values
     * @param tau the threshold τ
     * @param percentile ε, in (0, 100)
     * @return the flags, true = pseudo-anomaly
     */
    public static boolean[] flags(double[] metric, double tau, double percentile) {
        int n = metric.length;
        boolean[] flag = new boolean[n];
        int above = 0;
        for (int i = 0; i < n; i++) {
            if (metric[i] > tau) {
                flag[i] = true;
                above++;
            }
        }
        int quota = (int) Math.ceil((1 - percentile / 100) * n) - above;
        for (int i = 0; i < n && quota > 0; i++) {
            if (metric[i] == tau) {
                flag[i] = true;
                quota--;
            }
        }
        return flag;
    }
}
