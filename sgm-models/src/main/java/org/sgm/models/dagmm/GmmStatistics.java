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
        int n = z.length;
        int dim = z[0].length;
        int k = gamma[0].length;
        double[] phi = new double[k];
        double[][] mu = new double[k][dim];
        double[][][] chol = new double[k][][];
        for (int c = 0; c < k; c++) {
            double nk = 0;
            for (int i = 0; i < n; i++) {
                nk += gamma[i][c];
                for (int a = 0; a < dim; a++) {
                    mu[c][a] += gamma[i][c] * z[i][a];
                }
            }
            double[][] cov = new double[dim][dim];
            if (nk > 0) {
                for (int a = 0; a < dim; a++) {
                    mu[c][a] /= nk;
                }
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < dim; a++) {
                        double da = z[i][a] - mu[c][a];
                        for (int b = 0; b <= a; b++) {
                            cov[a][b] += gamma[i][c] * da * (z[i][b] - mu[c][b]);
                        }
                    }
                }
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b <= a; b++) {
                        cov[a][b] /= nk;
                        cov[b][a] = cov[a][b];
                    }
                }
            }
            for (int a = 0; a < dim; a++) {
                cov[a][a] += covEps;
            }
            phi[c] = Math.max(nk / n, MIN_WEIGHT);
            chol[c] = cholesky(cov, covEps);
        }
        return new GmmStatistics(phi, mu, chol);
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
