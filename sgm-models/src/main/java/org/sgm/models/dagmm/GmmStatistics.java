package org.sgm.models.dagmm;

/**
 * GMM parameters estimated in plain Java (double precision) from memberships γ and latent codes z, as DAGMM
 * estimates them in a batch, but over the whole training set: the values the metric's constants hold.
 *
 * @param phi mixture weights φ_k, {@code [K]}, floored at {@link #MIN_WEIGHT}
 * @param mu means μ_k, {@code [K][D]}
 * @param chol lower Cholesky factors L_k of Σ_k + ε·I, {@code [K][D][D]}
 */
record GmmStatistics(double[] phi, double[][] mu, double[][][] chol) {
    /** Smallest mixture weight kept, so that log φ_k stays finite in float32 for an empty component. */
    static final double MIN_WEIGHT = 1e-30;

    /**
     * @param z latent codes, {@code [N][D]}
     * @param gamma memberships, {@code [N][K]}
     * @param covEps ε added to every covariance diagonal
     * @return the estimates
     */
    static GmmStatistics estimate(double[][] z, double[][] gamma, double covEps) {
        Accumulator acc = new Accumulator(z[0].length, gamma[0].length);
        for (int i = 0; i < z.length; i++) {
            acc.add(z[i], gamma[i]);
        }
        return acc.finish(covEps);
    }

    /**
     * Weighted means and covariances in one pass over the rows, row by row (West's weighted update, 1979: as stable
     * as two passes, and nothing per row is kept), so that the statistics of any number of training rows are
     * gathered batch by batch.
     */
    static final class Accumulator {
        private final int dim;
        private final int k;
        private final double[] weight;
        private final double[][] mean;
        private final double[][][] scatter;
        private final double[] delta;
        private long rows;

        /**
         * @param dim D
         * @param k K
         */
        Accumulator(int dim, int k) {
            this.dim = dim;
            this.k = k;
            weight = new double[k];
            mean = new double[k][dim];
            scatter = new double[k][dim][dim];
            delta = new double[dim];
        }

        /**
         * @param z one row's latent code, D values
         * @param gamma its memberships, K values
         */
        void add(double[] z, double[] gamma) {
            rows++;
            for (int c = 0; c < k; c++) {
                double w = gamma[c];
                if (!(w > 0)) {
                    continue;
                }
                weight[c] += w;
                double r = w / weight[c];
                for (int a = 0; a < dim; a++) {
                    delta[a] = z[a] - mean[c][a];
                    mean[c][a] += r * delta[a];
                }
                for (int a = 0; a < dim; a++) {
                    double after = z[a] - mean[c][a];
                    for (int b = 0; b <= a; b++) {
                        scatter[c][a][b] += w * after * delta[b];
                    }
                }
            }
        }

        /**
         * @param covEps ε added to every covariance diagonal
         * @return the estimates over every row added
         */
        GmmStatistics finish(double covEps) {
            double[] phi = new double[k];
            double[][] mu = new double[k][];
            double[][][] chol = new double[k][][];
            for (int c = 0; c < k; c++) {
                double[][] cov = new double[dim][dim];
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b <= a; b++) {
                        cov[a][b] = weight[c] > 0 ? scatter[c][a][b] / weight[c] : 0;
                        cov[b][a] = cov[a][b];
                    }
                }
                for (int a = 0; a < dim; a++) {
                    cov[a][a] += covEps;
                }
                phi[c] = Math.max(weight[c] / rows, MIN_WEIGHT);
                mu[c] = mean[c].clone();
                chol[c] = cholesky(cov, covEps);
            }
            return new GmmStatistics(phi, mu, chol);
        }
    }

    /**
     * Cholesky factor of a symmetric matrix whose pivots are ≥ {@code floor} in exact arithmetic; pivots are floored
     * there against rounding, as in the graph.
     *
     * @param a a symmetric matrix {@code [D][D]}
     * @param floor the smallest pivot
     * @return the lower factor L with L·Lᵀ = a
     */
    static double[][] cholesky(double[][] a, double floor) {
        int dim = a.length;
        double[][] l = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                l[i][j] = s / l[j][j];
            }
            double s = a[i][i];
            for (int m = 0; m < i; m++) {
                s -= l[i][m] * l[i][m];
            }
            l[i][i] = Math.sqrt(Math.max(s, floor));
        }
        return l;
    }
}
